import type { YAMLError } from 'yaml';

/** One syntax problem: the first error the parser met, placed where the fault is. */
export interface SyntaxFault {
  line: number | null;
  message: string;
}

/**
 * Turn the locating parser's errors into one message. Later errors are nearly always consequences of the
 * first, so only that one is reported. A bracket or quote left open is reported by the parser where it gave
 * up (often the next key); the fault is the line that opened it, so that line is named instead.
 */
export function describeSyntaxFault(text: string, errors: readonly YAMLError[]): SyntaxFault {
  const first = errors[0];
  if (!first) return { line: null, message: 'YAML syntax: the file cannot be read as YAML' };
  const line = first.linePos?.[0]?.line ?? null;
  const message = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  if (/call stack/i.test(message))
    return { line, message: 'YAML syntax: the file is nested too deeply to read' };
  const lines = text.split('\n');
  const before = line === null ? lines.length : line;
  if (/flow (sequence|map|collection)/i.test(message)) {
    const opener = lastUnclosedBracket(lines, before);
    if (opener) return { line: opener.line, message: `YAML syntax: "${opener.bracket}" is never closed` };
  }
  if (first.code === 'MISSING_CHAR' && /quote/i.test(message)) {
    const opener = lastUnclosedQuote(lines, before);
    if (opener !== null) return { line: opener, message: 'YAML syntax: a quoted text is never closed' };
  }
  return { line, message: `YAML syntax: ${message}` };
}

/** The last line (1-based, up to `before`) that leaves a [ or { open, ignoring quoted text and comments. */
function lastUnclosedBracket(lines: string[], before: number): { line: number; bracket: string } | null {
  for (let index = Math.min(before, lines.length) - 1; index >= 0; index--) {
    const open: string[] = [];
    for (const char of stripQuotedAndComment(lines[index] ?? '')) {
      if (char === '[' || char === '{') open.push(char);
      else if (char === ']' || char === '}') open.pop();
    }
    const bracket = open.at(-1);
    if (bracket) return { line: index + 1, bracket };
  }
  return null;
}

/** The last line (1-based, up to `before`) with an odd number of unescaped double or single quotes. */
function lastUnclosedQuote(lines: string[], before: number): number | null {
  for (let index = Math.min(before, lines.length) - 1; index >= 0; index--) {
    const line = (lines[index] ?? '').replace(/\\"/g, '').replace(/''/g, '');
    const doubles = (line.match(/"/g) ?? []).length;
    const singles = (line.match(/(^|[\s:[{,-])'|'(?=$|[\s,\]}])/g) ?? []).length;
    if (doubles % 2 === 1 || singles % 2 === 1) return index + 1;
  }
  return null;
}

function stripQuotedAndComment(line: string): string {
  return line
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/(^|\s)#.*$/, '');
}
