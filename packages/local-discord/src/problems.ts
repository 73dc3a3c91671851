/**
 * What every validator returns — a list of problems worded and coded as Discord words them — and the
 * pieces they share: Discord's limits, character counting, the spec (zod) issues turned into problems, and
 * the nested `errors` object of a 50035 answer.
 */
import type { ZodMiniType } from 'zod/mini';

export type ProblemPath = (string | number)[];

export interface ValidationProblem {
  /** Where in the body, e.g. `['data', 'embeds', 0, 'title']`. */
  path: ProblemPath;
  /** Discord's field error code, e.g. `BASE_TYPE_MAX_LENGTH`. */
  code: string;
  message: string;
  /** Set when Discord answers with its own JSON error code instead of 50035 (e.g. 50006 empty message). */
  discordCode?: number;
}

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceStringValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  commandChoices: 25,
  commandTotal: 8000,
  nonce: 25,
} as const;

export const COMMAND_NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Discord counts characters (code points), not UTF-16 units. */
export function charCount(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Spec (zod) issues → Discord-style problems

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
  expected?: string;
  values?: unknown[];
  format?: string;
  errors?: ZodIssueLike[][];
  input?: unknown;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function toPath(path: PropertyKey[]): ProblemPath {
  return path.map((k) => (typeof k === 'number' ? k : String(k)));
}

function issueToProblem(issue: ZodIssueLike, path: ProblemPath, input: unknown): ValidationProblem | null {
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') {
        const value = valueAt(input, path);
        // The spec's zod checks count UTF-16 units; Discord counts characters.
        if (typeof value === 'string' && charCount(value) <= max) return null;
        return { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` };
      }
      if (issue.origin === 'array') {
        return { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` };
      }
      return { path, code: 'NUMBER_TYPE_MAX', message: `int value should be less than or equal to ${max}.` };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' || issue.origin === 'array') {
        return { path, code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${min} or more in length.` };
      }
      return {
        path,
        code: 'NUMBER_TYPE_MIN',
        message: `int value should be greater than or equal to ${min}.`,
      };
    }
    case 'invalid_type':
      if (valueAt(input, path) === undefined) {
        return { path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' };
      }
      return {
        path,
        code: 'BASE_TYPE_CONVERT',
        message: `Value must be of type ${issue.expected ?? 'unknown'}.`,
      };
    case 'invalid_value':
      return {
        path,
        code: 'BASE_TYPE_CHOICES',
        message: `Value must be one of (${(issue.values ?? []).map(String).join(', ')}).`,
      };
    case 'invalid_format':
      if (issue.format === 'url')
        return { path, code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' };
      if (issue.format === 'datetime')
        return { path, code: 'DATE_TIME_TYPE_PARSE', message: 'Could not parse the date/time.' };
      return { path, code: 'BASE_TYPE_INVALID', message: `Invalid ${issue.format ?? 'format'}.` };
    default:
      return { path, code: 'BASE_TYPE_INVALID', message: `Invalid value (${issue.code}).` };
  }
}

function flattenIssues(issues: ZodIssueLike[], base: ProblemPath, input: unknown): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  for (const issue of issues) {
    const path = [...base, ...toPath(issue.path)];
    if (issue.code === 'invalid_union' && issue.errors) {
      // Report the branch the body most plausibly meant: the one that failed least, ignoring branches
      // rejected on the whole value's type or on a `type` discriminator.
      let best: ValidationProblem[] | null = null;
      let bestScore = Number.POSITIVE_INFINITY;
      for (const branch of issue.errors) {
        const flat = flattenIssues(branch, path, input);
        const wrongKind = branch.some(
          (i) =>
            (i.path.length === 0 && i.code === 'invalid_type') ||
            (i.path[0] === 'type' && i.path.length === 1),
        );
        const score = flat.length + (wrongKind ? 1000 : 0);
        if (score < bestScore) {
          best = flat;
          bestScore = score;
        }
      }
      if (best && best.length > 0) out.push(...best);
      else if (best === null)
        out.push({ path, code: 'UNION_TYPE_CHOICES', message: 'Value is not a valid choice.' });
      continue;
    }
    const problem = issueToProblem(issue, path, input);
    if (problem) out.push(problem);
  }
  return out;
}

export function specProblems(schema: ZodMiniType, body: unknown): ValidationProblem[] {
  const result = schema.safeParse(body);
  if (result.success) return [];
  return flattenIssues(result.error.issues as unknown as ZodIssueLike[], [], body);
}

const LENGTH_CODES = new Set(['BASE_TYPE_MIN_LENGTH', 'BASE_TYPE_MAX_LENGTH', 'BASE_TYPE_BAD_LENGTH']);

/** One problem per path and code; of several length problems on one path the last (our own, Discord-worded) wins. */
export function dedupe(problems: ValidationProblem[]): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  const index = new Map<string, number>();
  for (const p of problems) {
    const key = `${p.path.join('.')}|${LENGTH_CODES.has(p.code) ? 'LENGTH' : p.code}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, out.length);
      out.push(p);
    } else if (LENGTH_CODES.has(p.code)) {
      out[at] = p;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Checks the validators share

/** More than `max` items in a list. */
export function maxItems(
  path: ProblemPath,
  items: readonly unknown[],
  max: number,
  out: ValidationProblem[],
): void {
  if (items.length > max)
    out.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
}

export function maxLength(path: ProblemPath, value: unknown, max: number, out: ValidationProblem[]): void {
  if (typeof value === 'string' && charCount(value) > max) {
    out.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

export function boundedLength(
  path: ProblemPath,
  value: unknown,
  min: number,
  max: number,
  out: ValidationProblem[],
) {
  if (typeof value !== 'string') {
    out.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    return;
  }
  const n = charCount(value);
  if (n < min || n > max) {
    out.push({ path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` });
  }
}

export function notAnObject(path: ProblemPath = []): ValidationProblem[] {
  return [{ path, code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' }];
}

// ---------------------------------------------------------------------------------------------------------
// Answers

/** Discord's nested `errors` object of a 50035 response, built from problems. */
export function toFormErrors(problems: ValidationProblem[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const problem of problems) {
    let node = root;
    for (const key of problem.path) {
      const k = String(key);
      const next = node[k];
      if (isObject(next)) node = next;
      else {
        const created: Record<string, unknown> = {};
        node[k] = created;
        node = created;
      }
    }
    const list = (node._errors as unknown[] | undefined) ?? [];
    list.push({ code: problem.code, message: problem.message });
    node._errors = list;
  }
  return root;
}

/** One-line summary per problem, e.g. `data.embeds.0.title: Must be 256 or fewer in length.` */
export function formatProblems(problems: ValidationProblem[]): string[] {
  return problems.map((p) => `${p.path.length > 0 ? p.path.join('.') : '(body)'}: ${p.message} [${p.code}]`);
}
