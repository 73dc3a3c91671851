import { distance } from 'fastest-levenshtein';
import type { NamedThing, NameIndex, NameKind } from './search.js';

/*
 * How the words of a query match the words of names (search.ts builds the index and ranks): one word
 * through maps, capped, as autocomplete types it; several words through typed arrays over numbered keys.
 */

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
  kinds?: readonly NameKind[],
): Map<number, Map<number, number>> {
  const found = new Map<number, Map<number, number>>();
  eachTokenMatch(index, query, (token, score) => {
    for (const { thing, key } of index.holders.get(token) ?? []) {
      // Only the kinds asked for count toward the cap: thousands of people must not crowd out every team.
      if (kinds && !kinds.includes((index.things[thing] as NamedThing).kind)) continue;
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
export interface Candidates {
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
export function matchEveryWord(index: NameIndex, words: readonly string[]): Candidates {
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

/** One word's matches, at most about `cap` things (those of the first words in index order). */
export function matchOneWord(
  index: NameIndex,
  word: string,
  cap: number,
  kinds?: readonly NameKind[],
): Candidates {
  return candidatesOf(matchToken(index, word, cap, kinds));
}
