import { describe, expect, test } from 'vitest';
import {
  type ComponentState,
  CUSTOM_ID_MAX_LENGTH,
  DECODED_IDS_KEPT,
  decodeCustomId,
  decodedIdsHeld,
  encodeCustomId,
} from '../../src/components/custom-id.js';

const STATE: ComponentState = {
  dataVersion: 'e09a358e',
  command: 'standings',
  slot: 'next',
  options: { class: 'pro-am', season: '2026-example-endurance-league', page: 12, text: true },
};

describe('custom_id codec', () => {
  test('a state survives the round trip, and fits Discord’s 100 characters', () => {
    const id = encodeCustomId(STATE);
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX_LENGTH);
    expect(decodeCustomId(id)).toEqual({ ok: true, state: STATE });
  });

  test('each option keeps its type (page 1 is a number, text 1 is true, season 2013 is an id)', () => {
    const id = encodeCustomId({ ...STATE, options: { page: 1, text: false, round: 0 } });
    expect(decodeCustomId(id)).toMatchObject({
      ok: true,
      state: { options: { page: 1, text: false, round: 0 } },
    });
  });

  test.each([
    ['', 'its length is wrong'],
    ['x'.repeat(101), 'its length is wrong'],
    ['pb1:e09a358e:s:next', 'five parts'],
    ['pb2:e09a358e:s:next:', 'format'],
    ['pb1:NOTHEX:s:next:', 'data version'],
    ['pb1:e09a358e:z:next:', 'no command'],
    ['pb1:e09a358e:s:Next!:', 'component name'],
    ['pb1:e09a358e:s:next:q=pro', 'unknown setting'],
    ['pb1:e09a358e:s:next:c=pro;c=pro-am', 'twice'],
    ['pb1:e09a358e:s:next:t=yes', 'text value'],
    ['pb1:e09a358e:s:next:p=two', 'page value'],
    ['pb1:e09a358e:s:next:c=Pro Cup', 'value'],
    ['pb1:e09a358e:s:next:p=007', 'value'],
  ])('%j is refused: %s', (customId, problem) => {
    const decoded = decodeCustomId(customId);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problem).toContain(problem);
  });

  test('a state that cannot travel is a programming error, caught when building', () => {
    expect(() => encodeCustomId({ ...STATE, options: { class: 'Pro;Cup' } })).toThrow(/cannot travel/);
    expect(() =>
      encodeCustomId({ ...STATE, options: { season: 'x'.repeat(60), class: 'y'.repeat(40) } }),
    ).toThrow(/over Discord's 100/);
  });
});

describe('decoded ids, kept for the next press of the same button', () => {
  test('the same id is decoded once: the second press gets the very same answer', () => {
    const id = encodeCustomId({ ...STATE, slot: 'prev' });
    expect(decodeCustomId(id)).toBe(decodeCustomId(id));
    const refused = 'pb1:e09a358e:s:next:q=kept';
    expect(decodeCustomId(refused)).toBe(decodeCustomId(refused));
  });

  test('a kept answer cannot be changed by whoever got it', () => {
    const decoded = decodeCustomId(encodeCustomId({ ...STATE, slot: 'view' }));
    if (!decoded.ok) throw new Error('expected a decoded state');
    expect(() => {
      (decoded.state.options as Record<string, unknown>).page = 99;
    }).toThrow(TypeError);
    expect(() => {
      (decoded.state as { slot: string }).slot = 'other';
    }).toThrow(TypeError);
  });

  test('forged ids cannot grow what is kept past its bound', () => {
    for (let i = 0; i < DECODED_IDS_KEPT * 2; i++) decodeCustomId(`pb1:e09a358e:s:next:p=${i}`);
    expect(decodedIdsHeld()).toBe(DECODED_IDS_KEPT);
  });
});
