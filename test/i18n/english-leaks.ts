/**
 * Finding English of ours in a reply meant for another language: catalogue sentences that stayed English,
 * and English words left once every text of the season's data (names, circuits, notes: shown as published)
 * is taken out. Used by the every-command × every-locale matrix.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGUES } from '../../src/i18n/catalogue.js';
import type { Locale } from '../../src/i18n/locale.js';
import { safe } from '../../src/replies/safe-text.js';
import type { SeasonModel } from '../../src/season/model.js';

/** Every leaf of a nested catalogue as "a.b.c" → message. */
export function flatten(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === 'string') out.set(prefix, node);
  else if (typeof node === 'object' && node !== null)
    for (const [key, value] of Object.entries(node))
      for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  return out;
}

/** The slice of intl-messageformat's AST the catalogue checks read. */
export interface AstNode {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

/**
 * The literal text of a message in every ICU branch (the words between placeholders), kept when long enough
 * to be a sentence of ours rather than a word a translation may share ("Pts", "Podium", "1000 km").
 */
function literalChunks(message: string): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly AstNode[]) => {
    for (const node of nodes) {
      if (node.type === 0 && typeof node.value === 'string') out.push(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(new IntlMessageFormat(message, 'en').getAst() as unknown as AstNode[]);
  return out.map((c) => c.trim()).filter((c) => c.length >= 14 && /[a-z]{3} [a-z]/i.test(c));
}

/** English catalogue sentences (or long pieces of them) a translation does not keep as they are. */
function englishPieces(locale: Locale): string[] {
  const english = flatten(CATALOGUES.en.replies);
  const translated = flatten(CATALOGUES[locale].replies);
  const pieces: string[] = [];
  for (const [key, message] of english) {
    const own = translated.get(key) ?? '';
    for (const chunk of literalChunks(message)) if (!own.includes(chunk)) pieces.push(chunk);
  }
  return pieces;
}

/**
 * Words that are English and no word of French, German, Italian, Dutch or Spanish (so "is", "was", "of",
 * "round" or "points" are not here: those languages use them too).
 */
const ENGLISH_WORDS =
  /\b(the|are|with|you|your|this|there|been|which|nobody|not|and|for|after|from|ends|next|previous|picture|only|choose|another|already|posted|settings|standings|winner|recaps?|season)\b/i;

/** Every text of the season's data, longest first, as published and as escaped for markdown. */
export function dataTexts(model: SeasonModel): string[] {
  const texts = new Set<string>();
  const seen = new WeakSet<object>();
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      if (value.length >= 4 && /\p{L}/u.test(value)) {
        texts.add(value);
        texts.add(safe(value));
      }
      return;
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Map)
      for (const [k, v] of value) {
        visit(k);
        visit(v);
      }
    else if (value instanceof Set || Array.isArray(value)) for (const v of value) visit(v);
    else for (const v of Object.values(value)) visit(v);
  };
  visit(model);
  return [...texts].sort((a, b) => b.length - a.length);
}

const piecesByLocale = new Map<Locale, string[]>();

/**
 * English of ours in `text`, a reply in `locale`: catalogue sentences always; with `data` (from
 * {@link dataTexts}) and `typed` (what the user typed) also English words left once those are taken out.
 */
export function englishLeaks(
  text: string,
  locale: Locale,
  data?: readonly string[],
  typed: string[] = [],
): string[] {
  if (locale === 'en') return [];
  let pieces = piecesByLocale.get(locale);
  if (!pieces) {
    pieces = englishPieces(locale);
    piecesByLocale.set(locale, pieces);
  }
  const leaks = pieces
    .filter((piece) => text.includes(piece))
    .map((piece) => `catalogue English: “${piece}”`);
  if (!data) return leaks;
  let rest = text;
  for (const shown of [...data, ...typed]) if (rest.includes(shown)) rest = rest.split(shown).join(' ');
  for (const line of rest.split('\n')) {
    const word = ENGLISH_WORDS.exec(line);
    if (word) leaks.push(`English word “${word[0]}” in: ${line.trim().slice(0, 160)}`);
  }
  return leaks;
}
