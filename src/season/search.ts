import { distance } from 'fastest-levenshtein';

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

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How well one query token matches index tokens: 3 exact, 2 prefix, 1 small typo. Best per (thing, key). */
function matchToken(
  index: NameIndex,
  query: string,
  cap = Number.POSITIVE_INFINITY,
): Map<number, Map<number, number>> {
  const found = new Map<number, Map<number, number>>();
  eachTokenMatch(index, query, (token, score) => {
    for (const { thing, key } of index.holders.get(token) ?? []) {
      // A word shared by thousands of names (a common surname) must not blow the cap either.
      if (found.size >= cap && !found.has(thing)) break;
      const perKey = found.get(thing) ?? new Map<number, number>();
      if ((perKey.get(key) ?? 0) < score) perKey.set(key, score);
      found.set(thing, perKey);
    }
    return found.size < cap;
  });
  return found;
}

/**
 * Calls `credit` with every index token the query word matches and how (3 exact, 2 prefix, 1 small typo),
 * until it returns false. Typos count only when no token starts with the word (and it has 3 letters).
 */
function eachTokenMatch(
  index: NameIndex,
  query: string,
  credit: (token: string, score: number, at: number) => boolean,
): void {
  let prefixed = false;
  for (let i = lowerBound(index.tokens, query); i < index.tokens.length; i++) {
    const token = index.tokens[i] as string;
    if (!token.startsWith(query)) break;
    prefixed = true;
    if (!credit(token, token === query ? 3 : 2, i)) return;
  }
  if (prefixed || query.length < 3) return;
  // Typos: one edit for short words, two for long ones, against words of a similar length only…
  const allowed = query.length >= 7 ? 2 : 1;
  // A cheap first test keeps the edit distance for plausible words: same first letter, same second letter,
  // or the first two swapped (typos rarely change both of the first two letters).
  const [q0, q1] = [query[0], query[1]];
  for (let length = query.length - allowed; length <= query.length + allowed; length++)
    for (const token of index.tokensByLength.get(length) ?? [])
      if ((token[0] === q0 || token[1] === q1 || token[0] === q1) && distance(token, query) <= allowed)
        credit(token, 1, lowerBound(index.tokens, token));
  // …and a typo inside a longer word still being typed, among words with the same first letter.
  for (const token of index.tokensByInitial.get(query[0] as string) ?? [])
    if (token.length > query.length && distance(token.slice(0, query.length), query) <= 1)
      credit(token, 1, lowerBound(index.tokens, token));
}

/** Things that matched, each with the key (0 = name, n = alias n-1) that matched best and its score. */
interface Candidates {
  things: number[];
  keys: number[];
  scores: number[];
}

/** The single-word matches as candidates: per thing its best key, the earliest of equal ones. */
function candidatesOf(found: Map<number, Map<number, number>>): Candidates {
  const candidates: Candidates = { things: [], keys: [], scores: [] };
  for (const [t, perKey] of found) {
    let bestKey = 0;
    let best = -1;
    for (const [key, score] of perKey)
      if (score > best || (score === best && key < bestKey)) [best, bestKey] = [score, key];
    candidates.things.push(t);
    candidates.keys.push(bestKey);
    candidates.scores.push(best);
  }
  return candidates;
}

/**
 * Things with a key that matches every word, with the summed scores of their best key. Typed arrays over
 * the numbered keys (NameIndex.keyStart) instead of maps: two short words ("T. R") each match thousands of
 * names, and the answer is the few that match both. Only keys a word touched are visited.
 */
function matchEveryWord(index: NameIndex, words: readonly string[]): Candidates {
  const { total, matched, best, bestKey } = scratchOf(index);
  let alive: number[] = [];
  const everTouched: number[] = [];
  for (const [w, word] of words.entries()) {
    const touched: number[] = [];
    eachTokenMatch(index, word, (_token, score, at) => {
      for (const k of index.tokenKeys[at] as Int32Array) {
        // Only keys that matched every word before this one can still match them all.
        if (matched[k] !== w) continue;
        if (best[k] === 0) touched.push(k);
        if ((best[k] as number) < score) best[k] = score;
      }
      return true;
    });
    if (w === 0) everTouched.push(...touched);
    for (const k of touched) {
      total[k] = (total[k] as number) + (best[k] as number);
      matched[k] = w + 1;
      best[k] = 0;
    }
    alive = touched;
    // Every word must match: once nothing is left, the remaining words cannot add anything.
    if (alive.length === 0) break;
  }
  // Per thing, its best key: the highest total, the earliest of equal ones (keys are numbered in order).
  const candidates: Candidates = { things: [], keys: [], scores: [] };
  for (const k of alive) {
    const t = index.keyThing[k] as number;
    const current = bestKey[t] as number;
    if (current === -1) candidates.things.push(t);
    const kt = total[k] as number;
    if (current === -1 || kt > (total[current] as number) || (kt === total[current] && k < current))
      bestKey[t] = k;
  }
  for (const t of candidates.things) {
    const k = bestKey[t] as number;
    candidates.keys.push(k - (index.keyStart[t] as number));
    candidates.scores.push(total[k] as number);
    bestKey[t] = -1;
  }
  // Only keys the first word touched were ever written: reset them for the next search.
  for (const k of everTouched) {
    total[k] = 0;
    matched[k] = 0;
  }
  return candidates;
}

/**
 * Working arrays of matchEveryWord, one set per index, allocated on its first multi-word search and left
 * zeroed (bestKey: -1) after each: a search runs to its end before another starts (no await inside).
 */
function scratchOf(index: NameIndex) {
  let scratch = scratches.get(index);
  if (!scratch) {
    const keyCount = index.keyThing.length;
    scratch = {
      total: new Uint16Array(keyCount),
      matched: new Uint8Array(keyCount),
      best: new Uint8Array(keyCount),
      bestKey: new Int32Array(index.things.length).fill(-1),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}
const scratches = new WeakMap<
  NameIndex,
  { total: Uint16Array; matched: Uint8Array; best: Uint8Array; bestKey: Int32Array }
>();

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
      ? candidatesOf(matchToken(index, words[0] as string, Math.max(limit * 10, 250)))
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
