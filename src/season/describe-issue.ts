import type { z } from 'zod';
import { parseDateTime } from '../core/date-time.js';

type Issue = z.core.$ZodIssue;

/**
 * One sentence for a schema issue, naming what was found where the schema says what was expected. zod does
 * not keep the input in its issues, so the value is looked up in the parsed file (own properties only).
 */
export function describeIssue(issue: Issue, root: unknown): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
  const found = ownValueAt(root, issue.path);
  if (issue.code === 'invalid_type') {
    if (!found.present) return 'missing (write null if the value is unknown)';
    return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(found.value)}`;
  }
  if (issue.code === 'invalid_format' && (issue.format === 'date' || issue.format === 'datetime')) {
    const impossible = typeof found.value === 'string' ? impossibleDate(found.value) : null;
    if (impossible) return impossible;
  }
  const got = found.present ? `, got ${describeValue(found.value)}` : '';
  if (issue.code === 'invalid_value') return `expected ${expectedValues(issue.values)}${got}`;
  if (issue.code === 'invalid_union') {
    const options = issue.errors
      .map((errors) => errors[0])
      .map((first) => (first ? expectedOf(first) : null));
    if (options.every((option) => option !== null)) return `expected ${options.join(' or ')}${got}`;
  }
  // zod's own wording starts "Too small"/"Too big"; the schemas' own messages are kept as written.
  if ((issue.code === 'too_small' || issue.code === 'too_big') && /^Too (small|big)/.test(issue.message))
    return `${describeBound(issue)}${got}`;
  return issue.message;
}

function expectedOf(issue: Issue): string | null {
  if (issue.code === 'invalid_type') return EXPECTED[issue.expected] ?? issue.expected;
  if (issue.code === 'invalid_value') return expectedValues(issue.values);
  return null;
}

function expectedValues(values: readonly unknown[]): string {
  const shown = values.map((value) => JSON.stringify(value));
  return shown.length === 1 ? (shown[0] as string) : `one of ${shown.join(', ')}`;
}

function describeBound(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
  const word =
    issue.code === 'too_small'
      ? issue.inclusive
        ? 'at least'
        : 'more than'
      : issue.inclusive
        ? 'at most'
        : 'less than';
  if (issue.origin === 'array') return `needs ${word} ${limit} item${limit === 1 ? '' : 's'}`;
  if (issue.origin === 'string') return `needs ${word} ${limit} character${limit === 1 ? '' : 's'}`;
  return `must be ${word} ${limit}`;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'keys with values (key: value lines)',
  array: 'a list',
  null: 'null',
};

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the text ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'keys with values';
  return typeof value;
}

/** For text shaped like a date whose day or month does not exist: a sentence saying so; otherwise null. */
export function impossibleDate(text: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(text);
  if (!match?.[1]) return null;
  // The date part alone: the one date parser names the impossible day or month.
  const parsed = parseDateTime(match[1], { timeOfDay: '00:00:00' });
  return !parsed.ok && parsed.reason === 'impossible' ? parsed.problem : null;
}

function ownValueAt(root: unknown, path: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key))
      return { present: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { present: value !== undefined, value };
}
