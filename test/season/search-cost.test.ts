/**
 * The cost of a name search is bounded by the names it could match, not by the length of what was typed:
 * counted in edit-distance computations (the expensive step), not in time.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';

const counter = vi.hoisted(() => ({ calls: 0 }));
vi.mock('fastest-levenshtein', async (importOriginal) => {
  const original = await importOriginal<typeof import('fastest-levenshtein')>();
  return {
    ...original,
    distance: (a: string, b: string) => {
      counter.calls++;
      return original.distance(a, b);
    },
  };
});

const { createAppContext } = await import('../../src/core/app-context.js');
const { closestNames, searchNames } = await import('../../src/season/search.js');

const index = createAppContext().catalog.defaultSeason().index.names;

function distancesFor(run: () => unknown): number {
  counter.calls = 0;
  run();
  return counter.calls;
}

afterEach(() => {
  counter.calls = 0;
});

describe('"did you mean" (closestNames)', () => {
  test('a 100-character unknown name measures nothing: no name is within reach of it', () => {
    expect(distancesFor(() => closestNames(index, 'x'.repeat(100), 'person'))).toBe(0);
  });

  test('a near miss still finds the name', () => {
    expect(closestNames(index, 'Buhkk', 'person')).toContain('Maximilian Buhk');
  });

  test.each([100, 1_000, 6_000])('%i characters cost no more than 30', (length) => {
    const short = distancesFor(() => closestNames(index, 'b'.repeat(30), 'person'));
    expect(distancesFor(() => closestNames(index, 'b'.repeat(length), 'person'))).toBeLessThanOrEqual(short);
  });
});

describe('search (searchNames)', () => {
  test.each([1_000, 6_000])('%i characters of words cost no more than 100', (length) => {
    const words = (n: number) => 'qzx '.repeat(Math.ceil(n / 4)).slice(0, n);
    const base = distancesFor(() => searchNames(index, words(100)));
    expect(distancesFor(() => searchNames(index, words(length)))).toBeLessThanOrEqual(base);
  });

  test('once one word matches nothing, the other words are not searched', () => {
    const one = distancesFor(() => searchNames(index, 'qzxv'));
    expect(distancesFor(() => searchNames(index, 'qzxv buhk maxi sven'))).toBe(one);
  });
});
