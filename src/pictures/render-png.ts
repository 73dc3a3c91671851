import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { INTER_FONT_FILES } from './metrics/inter-fonts.js';

/** Pictures are laid out in CSS px and rasterised at 2× so they stay sharp when Discord zooms. */
export const RENDER_SCALE = 2;

export interface RenderedPicture {
  png: Uint8Array;
  /** Device pixels (already multiplied by RENDER_SCALE). */
  width: number;
  height: number;
}

// Built once: resolved font paths, no system fonts, so output depends only on the SVG and bundled Inter.
const RENDER_OPTIONS: ResvgRenderOptions = {
  font: {
    loadSystemFonts: false,
    fontFiles: [INTER_FONT_FILES.regular, INTER_FONT_FILES.bold],
    defaultFontFamily: 'Inter',
    sansSerifFamily: 'Inter',
  },
  fitTo: { mode: 'zoom', value: RENDER_SCALE },
  shapeRendering: 2,
  textRendering: 1,
  logLevel: 'off',
};

export function renderPicture(svg: string): RenderedPicture {
  const image = new Resvg(svg, RENDER_OPTIONS).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

export function renderPng(svg: string): Uint8Array {
  return renderPicture(svg).png;
}

/** The raw RGBA pixels, for encoders other than resvg's own (see compact-png.ts). */
export function renderPixels(svg: string): { rgba: Uint8Array; width: number; height: number } {
  const image = new Resvg(svg, RENDER_OPTIONS).render();
  return { rgba: image.pixels, width: image.width, height: image.height };
}
