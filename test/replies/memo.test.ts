/**
 * The reply memo is bounded: autocomplete sends a new prefix with every keystroke, and an unbounded cache
 * once grew to 173 MB after 40,000 of them. Counted in entries, not heap bytes.
 */
import { describe, expect, test } from 'vitest';
import { createAppContext } from '../../src/core/app-context.js';
import { MAX_MEMO_ENTRIES_PER_MODEL, memoEntryCount, memoForModel } from '../../src/replies/memo.js';
import { complete, MID_SEASON } from '../commands/discord-limits.js';

describe('reply memo', () => {
  test('distinct autocomplete prefixes beyond the cap leave at most the cap of entries', () => {
    const app = createAppContext({ now: () => MID_SEASON });
    const model = app.catalog.defaultSeason();
    const context = app.makeContext();
    const asked = MAX_MEMO_ENTRIES_PER_MODEL + 1_500;
    for (let i = 0; i < asked; i++) complete('driver', { name: 'name', value: `zq${i}` }, {}, context);
    expect(memoEntryCount(model)).toBe(MAX_MEMO_ENTRIES_PER_MODEL);
  });

  test('the oldest entry leaves first; recent ones are still served from the memo', () => {
    const app = createAppContext({ now: () => MID_SEASON });
    const model = app.catalog.defaultSeason();
    const first = memoForModel(model, 'k0', () => ({ n: 0 }));
    for (let i = 1; i <= MAX_MEMO_ENTRIES_PER_MODEL; i++) memoForModel(model, `k${i}`, () => ({ n: i }));
    const last = { n: MAX_MEMO_ENTRIES_PER_MODEL };
    expect(memoForModel(model, `k${MAX_MEMO_ENTRIES_PER_MODEL}`, () => last)).not.toBe(last);
    expect(memoForModel(model, 'k0', () => ({ n: 0 }))).not.toBe(first);
    expect(memoEntryCount(model)).toBe(MAX_MEMO_ENTRIES_PER_MODEL);
  });
});
