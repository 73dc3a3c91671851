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
  return { things, tokens, holders, keys, byId, tokensByLength, tokensByInitial, rank };
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
  const credit = (token: string, score: number) => {
    for (const { thing, key } of index.holders.get(token) ?? []) {
      // A word shared by thousands of names (a common surname) must not blow the cap either.
      if (found.size >= cap && !found.has(thing)) break;
      const perKey = found.get(thing) ?? new Map<number, number>();
      if ((perKey.get(key) ?? 0) < score) perKey.set(key, score);
      found.set(thing, perKey);
    }
  };
  for (let i = lowerBound(index.tokens, query); i < index.tokens.length; i++) {
    const token = index.tokens[i] as string;
    if (!token.startsWith(query)) break;
    credit(token, token === query ? 3 : 2);
    if (found.size >= cap) break;
  }
  if (found.size > 0 || query.length < 3) return found;
  // Typos: one edit for short words, two for long ones, against words of a similar length only…
  const allowed = query.length >= 7 ? 2 : 1;
  // A cheap first test keeps the edit distance for plausible words: same first letter, same second letter,
  // or the first two swapped (typos rarely change both of the first two letters).
  const [q0, q1] = [query[0], query[1]];
  for (let length = query.length - allowed; length <= query.length + allowed; length++)
    for (const token of index.tokensByLength.get(length) ?? [])
      if ((token[0] === q0 || token[1] === q1 || token[0] === q1) && distance(token, query) <= allowed)
        credit(token, 1);
  // …and a typo inside a longer word still being typed, among words with the same first letter.
  for (const token of index.tokensByInitial.get(query[0] as string) ?? [])
    if (token.length > query.length && distance(token.slice(0, query.length), query) <= 1) credit(token, 1);
  return found;
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
  let combined: Map<number, Map<number, number>> | null = null;
  // One short word can match thousands of names in a big season; ranking a few hundred (exact words first,
  // then in word order) is enough to fill 25 choices and keeps autocomplete cheap at any size.
  const cap = words.length === 1 ? Math.max(limit * 10, 250) : Number.POSITIVE_INFINITY;
  for (const word of words) {
    // Every word must match: once nothing is left, the remaining words cannot add anything.
    if (combined?.size === 0) break;
    const matches = matchToken(index, word, cap);
    if (combined === null) {
      combined = matches;
      continue;
    }
    const next = new Map<number, Map<number, number>>();
    for (const [thing, perKey] of combined) {
      const other = matches.get(thing);
      if (!other) continue;
      const keep = new Map<number, number>();
      for (const [key, score] of perKey) {
        const add = other.get(key);
        if (add !== undefined) keep.set(key, score + add);
      }
      if (keep.size > 0) next.set(thing, keep);
    }
    combined = next;
  }
  const results: { t: number; match: NameMatch }[] = [];
  for (const [t, perKey] of combined ?? []) {
    const thing = index.things[t] as NamedThing;
    if (options.kinds && !options.kinds.includes(thing.kind)) continue;
    let bestKey = 0;
    let best = -1;
    for (const [key, score] of perKey)
      if (score > best || (score === best && key < bestKey)) [best, bestKey] = [score, key];
    const keyText = index.keys[t]?.[bestKey] ?? '';
    const exact = keyText === normalised;
    const score = best + (exact ? 10 : keyText.startsWith(normalised) ? 2 : 0);
    results.push({
      t,
      match: {
        kind: thing.kind,
        id: thing.id,
        name: thing.name,
        via: bestKey === 0 ? null : (thing.aliases[bestKey - 1] ?? null),
        score,
        exact,
      },
    });
  }
  results.sort((a, b) => b.match.score - a.match.score || (index.rank[a.t] ?? 0) - (index.rank[b.t] ?? 0));
  return results.slice(0, limit).map((r) => r.match);
}

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
