/**
 * A paged table's reply cuts the pages by the lines' lengths and formats only the lines of the page it
 * shows, each once: the first /standings of a 1,700-row class formatted every row just to count the pages.
 */
import { describe, expect, test } from 'vitest';
import { createAppContext } from '../../src/core/app-context.js';
import { safe } from '../../src/replies/safe-text.js';
import { pagedRows } from '../../src/replies/standings.js';

const model = createAppContext().catalog.defaultSeason();

describe('pagedRows', () => {
  test.each([1, 2, 3])('page %i: only its own lines are built, each once', (page) => {
    const built = new Map<number, number>();
    const text = (index: number) => `line ${index} `.padEnd(40, '.');
    const lineAt = (index: number) => {
      built.set(index, (built.get(index) ?? 0) + 1);
      return safe(text(index));
    };
    const { body, pages } = pagedRows(
      model,
      `paged-rows-test:${page}`,
      25,
      lineAt,
      (index) => text(index).length,
      4_000,
      page,
      'en',
    );
    expect(pages).toBe(3);
    const first = (page - 1) * 10;
    const shown = Array.from({ length: Math.min(10, 25 - first) }, (_, i) => first + i);
    expect([...built.keys()]).toEqual(shown);
    expect([...built.values()].every((count) => count === 1)).toBe(true);
    expect(body.split('\n')[0]).toMatch(new RegExp(`^line ${first} `));
  });
});
