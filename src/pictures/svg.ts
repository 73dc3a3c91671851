import type { TextStyle } from './text-metrics.js';

/**
 * Escapes the five XML specials and drops characters XML 1.0 cannot carry (controls, lone surrogates,
 * U+FFFE/U+FFFF); text content and attribute values both go through here.
 */
export function escapeXml(text: string): string {
  return removeXmlInvalid(text).replace(/[<>&"']/g, (char) => XML_ENTITIES[char] ?? char);
}

export function removeXmlInvalid(text: string): string {
  let clean = '';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    const allowed =
      cp === 0x09 ||
      cp === 0x0a ||
      cp === 0x0d ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      cp >= 0x10000;
    if (allowed) clean += char;
  }
  return clean;
}

const XML_ENTITIES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Fixed, locale-free number formatting so output is byte-identical across runs and machines. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

type AttributeValue = string | number | undefined;

export function attributes(attrs: Record<string, AttributeValue>): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join(' ');
}

export function rect(attrs: Record<string, AttributeValue>): string {
  return `<rect ${attributes(attrs)}/>`;
}

export type TextAnchor = 'start' | 'middle' | 'end';

export interface TextOptions {
  x: number;
  /** Vertical centre of the text line (the baseline is derived from it). */
  cy: number;
  style: TextStyle;
  fill: string;
  anchor?: TextAnchor;
}

/** Inter's cap height is ~0.73 em, so a baseline 0.36 em below the centre line centres capitals. */
const BASELINE_SHIFT_EM = 0.36;

export function text(content: string, options: TextOptions): string {
  const attrs = attributes({
    x: options.x,
    y: options.cy + options.style.size * BASELINE_SHIFT_EM,
    'font-size': options.style.size,
    'font-weight': options.style.weight === 'bold' ? 700 : undefined,
    fill: options.fill,
    'text-anchor': options.anchor === 'start' ? undefined : options.anchor,
  });
  return `<text ${attrs}>${escapeXml(content)}</text>`;
}

export function group(attrs: Record<string, AttributeValue>, children: string[]): string {
  const open = Object.keys(attrs).length > 0 ? `<g ${attributes(attrs)}>` : '<g>';
  return `${open}${children.join('')}</g>`;
}

export function svgDocument(width: number, height: number, children: string[]): string {
  const root = attributes({
    xmlns: 'http://www.w3.org/2000/svg',
    width,
    height,
    viewBox: `0 0 ${num(width)} ${num(height)}`,
    'font-family': 'Inter',
  });
  return `<svg ${root}>${rect({ width, height, fill: '#FFFFFF' })}${children.join('\n')}</svg>\n`;
}
