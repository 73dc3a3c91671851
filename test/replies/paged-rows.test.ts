/**
 * A paged table's reply measures every line to cut the pages and then shows one page of them: each line is
 * built once per reply, not once for the measuring and again for the page (a first reply's largest cost).
 */
import { describe, expect, test } from 'vitest';
import { createAppContext } from '../../src/core/app-context.js';
import { safe } from '../../src/replies/safe-text.js';
import { pagedRows } from '../../src/replies/standings.js';

const model = createAppContext().catalog.defaultSeason();

describe('pagedRows', () => {
  test.each([1, 2, 3])('page %i: every line built once, the page shows its own lines', (page) => {
    const built = new Map<number, number>();
    const lineAt = (index: number) => {
      built.set(index, (built.get(index) ?? 0) + 1);
      return safe(`line ${index} `.padEnd(40, '.'));
    };
    const { body, pages } = pagedRows(model, `paged-rows-test:${page}`, 25, lineAt, 4_000, page, 'en');
    expect(pages).toBe(3);
    expect([...built.values()].every((count) => count === 1)).toBe(true);
    expect(built.size).toBe(25);
    expect(body.split('\n')[0]).toMatch(new RegExp(`^line ${(page - 1) * 10} `));
  });
});
