import { distance } from 'fastest-levenshtein';
import { matchEveryWord, matchOneWord } from './name-matching.js';

export type NameKind = 'person' | 'team';

export interface NamedThing {
  kind: NameKind;
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface NameMatch {
  kind: NameKind;
  id: string;
  name: string;
  /** The alias that matched, when it was not the main name. */
  via: string | null;
  score: number;
  /** The query equals the name or an alias (accents and case aside). */
  exact: boolean;
}

export interface NameIndex {
  things: NamedThing[];
  /** Distinct normalised tokens, sorted, for prefix search by binary search. */
  tokens: string[];
  /** token -> indexes into `things`, with which key (0 = name, n = alias n-1) holds it. */
  holders: Map<string, { thing: number; key: number }[]>;
  /** Normalised full keys per thing: [name, ...aliases]. */
  keys: string[][];
  /** Normalised id -> thing index, so an autocomplete value (the id) resolves directly. */
  byId: Map<string, number>;
  /** Tokens grouped by length and by first letter: the typo search compares only plausible words. */
  tokensByLength: Map<number, string[]>;
  tokensByInitial: Map<string, string[]>;
  /** Each thing's place in name order (compareNames, computed once), so ranking never compares names. */
  rank: number[];
  /** Every (thing, key) numbered in order: thing t's keys are keyStart[t] .. keyStart[t + 1] - 1. */
  keyStart: Int32Array;
  /** The thing of each numbered key. */
  keyThing: Int32Array;
  /** Per token (same order as `tokens`), the numbered keys that hold it. */
  tokenKeys: Int32Array[];
}

const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** Case-, accent- and punctuation-insensitive form: "Ordóñez" -> "ordonez", "Götz" -> "gotz". */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[øœæ]/g, (c) => ({ ø: 'o', œ: 'oe', æ: 'ae' })[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Name order: by the normalised form (accents, case and punctuation folded), then as written. Not
 * Intl.Collator: the same order on every Node build (small-ICU builds collate differently). For the Latin
 * names of a motorsport season the two agree.
 */
export function compareNames(a: string, b: string): number {
  return compareText(normaliseName(a), normaliseName(b)) || compareText(a, b);
}

/** Plain code-point order. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function tokensOf(normalised: string): string[] {
  return normalised.split(' ').filter(Boolean);
}

export function buildNameIndex(...groups: NamedThing[][]): NameIndex {
  const things = groups.flat();
  const holders = new Map<string, { thing: number; key: number }[]>();
  const keys: string[][] = [];
  const byId = new Map<string, number>();
  things.forEach((thing, t) => {
    byId.set(`${thing.kind}:${thing.id}`, t);
    const normalised = [thing.name, ...thing.aliases].map(normaliseName);
    keys.push(normalised);
    normalised.forEach((key, k) => {
      for (const token of new Set(tokensOf(key))) {
        const list = holders.get(token) ?? [];
        list.push({ thing: t, key: k });
        holders.set(token, list);
      }
    });
  });
  const tokens = [...holders.keys()].sort();
  const tokensByLength = new Map<number, string[]>();
  const tokensByInitial = new Map<string, string[]>();
  for (const token of tokens) {
    addToGroup(tokensByLength, token.length, token);
    addToGroup(tokensByInitial, token[0] as string, token);
  }
  const rank = new Array<number>(things.length);
  things
    .map((thing, t) => ({ thing, t, key: keys[t]?.[0] ?? '' }))
    .sort(
      (a, b) =>
        compareText(a.key, b.key) ||
        compareText(a.thing.name, b.thing.name) ||
        compareText(a.thing.id, b.thing.id),
    )
    .forEach(({ t }, position) => {
      rank[t] = position;
    });
  const keyStart = new Int32Array(things.length + 1);
  keys.forEach((k, t) => {
    keyStart[t + 1] = (keyStart[t] as number) + k.length;
  });
  const keyThing = new Int32Array(keyStart[things.length] as number);
  keys.forEach((k, t) => {
    keyThing.fill(t, keyStart[t] as number, (keyStart[t] as number) + k.length);
  });
  const tokenKeys = tokens.map((token) =>
    Int32Array.from(holders.get(token) ?? [], ({ thing, key }) => (keyStart[thing] as number) + key),
  );
  return {
    things,
    tokens,
    holders,
    keys,
    byId,
    tokensByLength,
    tokensByInitial,
    rank,
    keyStart,
    keyThing,
    tokenKeys,
  };
}

function addToGroup<K>(groups: Map<K, string[]>, key: K, token: string) {
  const group = groups.get(key);
  if (group) group.push(token);
  else groups.set(key, [token]);
}

/**
 * Search people and teams by name: every word of the query must match a word of the same name or alias,
 * exactly, as a prefix, or with a small typo. Ranked best first, at most `limit` (25 fits autocomplete).
 */
export function searchNames(
  index: NameIndex,
  query: string,
  options: { kinds?: readonly NameKind[]; limit?: number } = {},
): NameMatch[] {
  const limit = options.limit ?? 25;
  const normalised = normaliseName(query);
  const words = tokensOf(normalised).slice(0, 8);
  if (words.length === 0) return [];
  // One short word can match thousands of names in a big season; ranking a few hundred (exact words first,
  // then in word order) is enough to fill 25 choices and keeps autocomplete cheap at any size.
  const candidates =
    words.length === 1
      ? matchOneWord(index, words[0] as string, Math.max(limit * 10, 250), options.kinds)
      : matchEveryWord(index, words);
  // Ranked by score (best first), then name order: one number per candidate, sorted natively, so that
  // thousands of candidates cost a numeric sort and only the `limit` kept become matches.
  const { things, keys, scores } = candidates;
  const scoreOf = (i: number) => {
    const keyText = index.keys[things[i] as number]?.[keys[i] as number] ?? '';
    const exact = keyText === normalised;
    return { exact, score: (scores[i] as number) + (exact ? 10 : keyText.startsWith(normalised) ? 2 : 0) };
  };
  const order: number[] = [];
  const size = index.things.length;
  for (let i = 0; i < things.length; i++) {
    const t = things[i] as number;
    if (options.kinds && !options.kinds.includes((index.things[t] as NamedThing).kind)) continue;
    order.push(
      (MAX_SCORE - scoreOf(i).score) * size * things.length + (index.rank[t] as number) * things.length + i,
    );
  }
  const sorted = Float64Array.from(order).sort();
  const matches: NameMatch[] = [];
  for (const packed of sorted.subarray(0, limit)) {
    const i = packed % things.length;
    const thing = index.things[things[i] as number] as NamedThing;
    const key = keys[i] as number;
    const { exact, score } = scoreOf(i);
    matches.push({
      kind: thing.kind,
      id: thing.id,
      name: thing.name,
      via: key === 0 ? null : (thing.aliases[key - 1] ?? null),
      score,
      exact,
    });
  }
  return matches;
}

/** Above any score a match can have: 3 per word (at most 8 words) and 10 for the exact name. */
const MAX_SCORE = 64;

/** An id typed or picked from autocomplete, e.g. "maximilian-buhk". */
export function findById(index: NameIndex, kind: NameKind, id: string): NamedThing | null {
  const t = index.byId.get(`${kind}:${id.trim()}`);
  return t === undefined ? null : (index.things[t] ?? null);
}

/**
 * The nearest names by edit distance, for "did you mean" when search finds nothing. Slower than
 * searchNames (it scans every name), so it is for error replies only.
 */
export function closestNames(index: NameIndex, query: string, kind: NameKind, count = 5): string[] {
  const wanted = normaliseName(query);
  if (!wanted) return [];
  const limit = Math.max(2, Math.ceil(wanted.length / 2));
  // Two texts are at least their difference in length apart, so only names and words of a length within
  // the limit are measured: a long query costs no more than the names it could match.
  const best = new Map<number, number>();
  const consider = (t: number, d: number) => {
    if (d <= limit && index.things[t]?.kind === kind && d < (best.get(t) ?? Number.POSITIVE_INFINITY))
      best.set(t, d);
  };
  index.keys.forEach((keys, t) => {
    for (const key of keys)
      if (Math.abs(key.length - wanted.length) <= limit && index.things[t]?.kind === kind)
        consider(t, distance(key, wanted));
  });
  for (let length = Math.max(1, wanted.length - limit); length <= wanted.length + limit; length++)
    for (const token of index.tokensByLength.get(length) ?? []) {
      const d = distance(token, wanted);
      if (d <= limit) for (const { thing } of index.holders.get(token) ?? []) consider(thing, d);
    }
  return [...best]
    .map(([t, d]) => ({ name: (index.things[t] as NamedThing).name, d }))
    .sort((a, b) => a.d - b.d || compareNames(a.name, b.name))
    .slice(0, count)
    .map((s) => s.name);
}
