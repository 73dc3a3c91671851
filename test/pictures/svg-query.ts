/** Tiny SVG inspection helpers for tests (the pictures are flat, regular markup we generate ourselves). */

export interface Element {
  tag: string;
  attrs: Record<string, string>;
}

const TAG = /<([a-zA-Z]+)((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/g;
const ATTR = /([\w:-]+)="([^"]*)"/g;

export function elements(svg: string, tag: string): Element[] {
  return [...svg.matchAll(TAG)]
    .filter((match) => match[1] === tag)
    .map((match) => ({
      tag,
      attrs: Object.fromEntries([...(match[2] ?? '').matchAll(ATTR)].map((a) => [a[1], a[2]])),
    }));
}

/** Text content of every <text>, with the five XML entities decoded. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => decodeEntities(match[1] ?? ''));
}

export function decodeEntities(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

/**
 * Strict-enough well-formedness check: balanced tags, quoted attributes, no stray '<' or '&' in text,
 * no characters XML 1.0 forbids. Returns the first problem found, or null.
 */
export function wellFormednessProblem(svg: string): string | null {
  for (const char of svg) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d)
      return `control character U+${cp.toString(16)}`;
    if (cp === 0xfffe || cp === 0xffff) return 'non-character U+FFFE/U+FFFF';
    if (cp >= 0xd800 && cp <= 0xdfff) return 'lone surrogate';
  }
  const stack: string[] = [];
  const token = /<(\/?)([a-zA-Z]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const match of svg.matchAll(token)) {
    const [, closing, name, , selfClosing, content, stray] = match;
    if (stray) return `stray '<' at ${match.index}`;
    if (content !== undefined) {
      if (/&(?!(lt|gt|amp|quot|apos);)/.test(content)) return `bare '&' at ${match.index}`;
      if (content.includes('>') && stack.length > 0) return `raw '>' in text at ${match.index}`;
      continue;
    }
    if (closing) {
      if (stack.pop() !== name) return `unbalanced </${name}> at ${match.index}`;
    } else if (!selfClosing) {
      stack.push(name ?? '');
    }
  }
  return stack.length === 0 ? null : `unclosed <${stack.at(-1)}>`;
}

/** Texts inside the row group `<g data-row="index" …>` (row groups hold no nested groups). */
export function rowTexts(svg: string, index: number): string[] {
  const row = new RegExp(`<g data-row="${index}"[^>]*>(.*?)</g>`).exec(svg);
  return row ? texts(row[1] ?? '') : [];
}
