/**
 * Name search answers what a plain scan of every name would: each word of the query must match a word of
 * the same name or alias (3 exact, 2 prefix, 1 small typo — typos only for a word of 3+ letters that starts
 * no word anywhere), the best such name or alias counts, +10 when it is the whole query, +2 when it starts
 * with it; best score first, then name order. The scan below is that rule written out, one name at a time;
 * searchNames (word lists, numbered keys) must agree with it on a generated season's names, query by query.
 */

import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { afterAll, expect, test } from 'vitest';
import { writeSeasonFolder } from '../../bench/generate-season.js';
import { seededRandom } from '../../bench/random.js';
import { scratchDir } from '../../bench/support.js';
import { randomPrefixes } from '../../bench/uncached.js';
import { loadSeasonFolderOrThrow } from '../../src/season/load.js';
import {
  buildNameIndex,
  type NameIndex,
  type NameKind,
  type NameMatch,
  normaliseName,
  searchNames,
} from '../../src/season/search.js';

const scratch = scratchDir('search-equivalence');
afterAll(() => scratch.remove());
const { folder } = writeSeasonFolder(scratch.dir, { rounds: 5, cars: 100, people: 1_500 });
const index = loadSeasonFolderOrThrow(folder).index.names;

function tokenScore(index: NameIndex, word: string, token: string): number {
  if (token === word) return 3;
  if (token.startsWith(word)) return 2;
  if (word.length < 3 || index.tokens.some((t) => t.startsWith(word))) return 0;
  const allowed = word.length >= 7 ? 2 : 1;
  const plausible = token[0] === word[0] || token[1] === word[1] || token[0] === word[1];
  if (Math.abs(token.length - word.length) <= allowed && plausible && distance(token, word) <= allowed)
    return 1;
  if (token[0] === word[0] && token.length > word.length && distance(token.slice(0, word.length), word) <= 1)
    return 1;
  return 0;
}

/** Every name and alias of every thing, scored against the query: no index, no cap. */
function plainScan(index: NameIndex, query: string, kind: NameKind, limit = 25): NameMatch[] {
  const normalised = normaliseName(query);
  const words = normalised.split(' ').filter(Boolean).slice(0, 8);
  if (words.length === 0) return [];
  const found: { rank: number; match: NameMatch }[] = [];
  index.things.forEach((thing, t) => {
    if (thing.kind !== kind) return;
    let best = -1;
    let bestKey = 0;
    (index.keys[t] ?? []).forEach((key, k) => {
      const tokens = key.split(' ').filter(Boolean);
      let sum = 0;
      for (const word of words) {
        const score = Math.max(0, ...tokens.map((token) => tokenScore(index, word, token)));
        if (score === 0) return;
        sum += score;
      }
      if (sum > best) [best, bestKey] = [sum, k];
    });
    if (best < 0) return;
    const keyText = index.keys[t]?.[bestKey] ?? '';
    const exact = keyText === normalised;
    found.push({
      rank: index.rank[t] as number,
      match: {
        kind: thing.kind,
        id: thing.id,
        name: thing.name,
        via: bestKey === 0 ? null : (thing.aliases[bestKey - 1] ?? null),
        score: best + (exact ? 10 : keyText.startsWith(normalised) ? 2 : 0),
        exact,
      },
    });
  });
  return found
    .sort((a, b) => b.match.score - a.match.score || a.rank - b.rank)
    .slice(0, limit)
    .map((f) => f.match);
}

const names = index.things.flatMap((thing) => [thing.name, ...thing.aliases]);
const word = () =>
  fc.constantFrom(...names).chain((name) => fc.nat(name.length).map((n) => name.slice(0, n)));

test('queries of two to four words (prefixes, initials, typos of names) answer as the plain scan', () => {
  const typo = (text: string, at: number) =>
    `${text.slice(0, at)}${text.slice(at + 1, at + 2)}${text[at] ?? ''}${text.slice(at + 2)}`;
  const query = fc
    .tuple(fc.array(word(), { minLength: 2, maxLength: 4 }), fc.nat(20), fc.boolean())
    .map(([words, at, swap]) => {
      const joined = words.join(' ');
      return swap ? typo(joined, at) : joined;
    })
    // One word (a prefix may be empty) is the capped search: the last test.
    .filter((q) => normaliseName(q).split(' ').length >= 2);
  fc.assert(
    fc.property(query, fc.constantFrom<NameKind>('person', 'team'), (q, kind) => {
      expect(searchNames(index, q, { kinds: [kind] })).toEqual(plainScan(index, q, kind));
    }),
    { numRuns: 300 },
  );
});

test('short multi-word prefixes that match thousands of keys answer as the plain scan', () => {
  for (const q of ['m m', 'M. L', 't. r', 'a b', 'j. wi', 'de la', 'van d'])
    for (const kind of ['person', 'team'] as const)
      expect(searchNames(index, q, { kinds: [kind] }), `${q} (${kind})`).toEqual(plainScan(index, q, kind));
});

test('a one-word query matching fewer names than the cap answers as the plain scan', () => {
  let compared = 0;
  for (const q of randomPrefixes(names, 300, seededRandom(11))) {
    if (q.trim().includes(' ')) continue;
    const all = plainScan(index, q, 'person', Number.POSITIVE_INFINITY);
    // Past 250 matches a single word ranks the first 250 found (by word), not every name: see searchNames.
    if (all.length > 250) continue;
    compared++;
    expect(searchNames(index, q, { kinds: ['person'] }), q).toEqual(all.slice(0, 25));
  }
  expect(compared).toBeGreaterThan(50);
});

test('a name and an alias that match equally: the name counts (the earliest key), as in the plain scan', () => {
  const small = buildNameIndex([
    {
      kind: 'person',
      id: 'nicky-catsburg',
      name: 'Nicky Catsburg',
      aliases: ['Nick Catsburg', 'N. Catsburg'],
    },
    { kind: 'person', id: 'nico-catsman', name: 'Nico Catsman', aliases: [] },
  ]);
  for (const q of ['ni cats', 'n catsburg', 'nick cats']) {
    const found = searchNames(small, q, { kinds: ['person'] });
    expect(found, q).toEqual(plainScan(small, q, 'person'));
  }
  expect(searchNames(small, 'ni cats')[0]?.via).toBeNull();
});

test('one letter on a season of thousands of people still finds the teams: only the kind asked for fills the cap', () => {
  const people = Array.from({ length: 600 }, (_, i) => ({
    kind: 'person' as const,
    id: `m-${i}`,
    name: `Max Mustermann${i}`,
    aliases: [],
  }));
  const index = buildNameIndex(people, [
    { kind: 'team', id: 'zeta-motorsport', name: 'Zeta Motorsport', aliases: [] },
  ]);
  expect(searchNames(index, 'M', { kinds: ['team'] }).map((m) => m.id)).toEqual(['zeta-motorsport']);
  expect(searchNames(index, 'M', { kinds: ['person'] })).toHaveLength(25);
});
