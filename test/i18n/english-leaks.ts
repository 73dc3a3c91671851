/**
 * English left in a reply in another language: the literal text of every English reply message of the
 * catalogue (the words between placeholders, in every branch), kept when long enough to be a sentence of
 * ours rather than a word a translation may share ("Pts", "Podium", "1000 km").
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGUES } from '../../src/i18n/catalogue.js';
import type { Locale } from '../../src/i18n/locale.js';

interface AstNode {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

const MIN_FRAGMENT = 14;

function literals(nodes: readonly AstNode[], out: string[]): void {
  for (const node of nodes) {
    if (node.type === 0 && typeof node.value === 'string') out.push(node.value);
    for (const option of Object.values(node.options ?? {})) literals(option.value, out);
    if (node.children) literals(node.children, out);
  }
}

function messages(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (typeof node === 'object' && node !== null) return Object.values(node).flatMap(messages);
  return [];
}

const fragments = [
  ...new Set(
    messages(CATALOGUES.en.replies).flatMap((message) => {
      const found: string[] = [];
      literals(new IntlMessageFormat(message, 'en').getAst() as unknown as AstNode[], found);
      return found.map((f) => f.trim()).filter((f) => f.length >= MIN_FRAGMENT && /[a-z]{3} [a-z]/i.test(f));
    }),
  ),
];

/** The English fragments of ours found in `text`; none for an English reply by definition. */
export function englishLeaks(text: string, locale: Locale): string[] {
  if (locale === 'en') return [];
  return fragments.filter((fragment) => text.includes(fragment));
}
