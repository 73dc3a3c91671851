import { type InterWeight, MEASURED_RANGES } from './metrics/inter-fonts.js';
import { INTER_WIDTHS } from './metrics/inter-widths.js';
import { removeXmlInvalid } from './svg.js';

export interface TextStyle {
  size: number;
  weight: InterWeight;
}

const ELLIPSIS = '…';

const widthTables: Record<InterWeight, number[][]> = {
  regular: INTER_WIDTHS.regular.map(parseRow),
  bold: INTER_WIDTHS.bold.map(parseRow),
};

function parseRow(row: string): number[] {
  return row.split(',').map(Number);
}

/** Width in em of one code point; glyphs Inter lacks (emoji, CJK, Hebrew…) get a generous guess. */
function emWidth(codePoint: number, weight: InterWeight): number {
  for (const [index, [first, last]] of MEASURED_RANGES.entries()) {
    if (codePoint < first || codePoint > last) continue;
    const permille = widthTables[weight][index]?.[codePoint - first] ?? -1;
    if (permille >= 0) return permille / 1000;
    break;
  }
  if (codePoint >= 0xfe00 && codePoint <= 0xfe0f) return 0; // variation selectors
  if (codePoint === 0x200d) return 0; // zero-width joiner
  if (codePoint === 0x25b2 || codePoint === 0x25bc) return 1.05; // Inter's ▲ ▼ (movement marks) are 1.045 em
  return isWide(codePoint) ? 1.05 : 0.65;
}

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0x1f000 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** Collapses whitespace and drops XML-invalid characters, so what we measure is what gets drawn. */
export function normalizeText(text: string): string {
  return removeXmlInvalid(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
}

/** Approximate advance width in px (no kerning, so it slightly over-estimates, which is the safe side). */
export function measureText(text: string, style: TextStyle): number {
  let em = 0;
  for (const char of text) em += emWidth(char.codePointAt(0) ?? 0, style.weight);
  return em * style.size;
}

// Built when a text first needs cutting, not at start-up: Intl pages in ICU data a bot that never cuts a
// text need not hold (see src/i18n/cldr.ts).
let graphemes: Intl.Segmenter | undefined;

/** The text, or its longest prefix (whole graphemes) plus an ellipsis, that fits in maxWidth px. */
export function fitText(text: string, maxWidth: number, style: TextStyle): string {
  const clean = normalizeText(text);
  if (measureText(clean, style) <= maxWidth) return clean;
  const budget = maxWidth - measureText(ELLIPSIS, style);
  let kept = '';
  let used = 0;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(clean)) {
    const width = measureText(segment, style);
    if (used + width > budget) break;
    kept += segment;
    used += width;
  }
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

/** Greedy word wrap into at most maxLines lines; the last line is ellipsised if text remains. */
export function wrapText(text: string, maxWidth: number, style: TextStyle, maxLines: number): string[] {
  const words = normalizeText(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const [index, word] of words.entries()) {
    const candidate = current ? `${current} ${word}` : word;
    if (measureText(candidate, style) <= maxWidth || !current) {
      current = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      lines.push(fitText(`${current} ${words.slice(index).join(' ')}`, maxWidth, style));
      return lines;
    }
    lines.push(fitText(current, maxWidth, style));
    current = word;
  }
  if (current) lines.push(fitText(current, maxWidth, style));
  return lines;
}
