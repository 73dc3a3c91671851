import UPNG from 'upng-js';
import { type RenderedPicture, renderPixels } from './render-png.js';

/** 256 colours keep every cell colour and the text's anti-aliasing; the file is about a third of full RGBA. */
const PALETTE_COLOURS = 256;

/**
 * A picture for sending: rendered like renderPicture, then encoded as an 8-bit palette PNG. It is rendered
 * once per data version and uploaded with every reply that carries it, so the smaller file is what users
 * and the bot's memory pay for each time (the quantisation, ~0.3 s, is paid once).
 */
export function renderCompactPicture(svg: string): RenderedPicture {
  const { rgba, width, height } = renderPixels(svg);
  const pixels = rgba.buffer.slice(rgba.byteOffset, rgba.byteOffset + rgba.byteLength) as ArrayBuffer;
  return { png: new Uint8Array(UPNG.encode([pixels], width, height, PALETTE_COLOURS)), width, height };
}
