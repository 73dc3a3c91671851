/**
 * The markup helpers of src/replies/safe-text.ts produce exactly the markup they name, and only for the
 * input they are meant for: a link only for a whole snowflake, a cut only past the limit and never inside
 * a surrogate pair.
 */
import { describe, expect, test } from 'vitest';
import {
  bold,
  channelLink,
  discordTimestamp,
  italic,
  joinSafe,
  literal,
  md,
  roleLink,
  safe,
  truncateSafe,
} from '../../src/replies/safe-text.js';

describe('markup written in our code', () => {
  test('md joins literal parts and safe parts in order, adding nothing', () => {
    expect(md`plain`).toBe('plain');
    expect(md`${1}`).toBe('1');
    expect(md`a${safe('b_c')}d${2}`).toBe('ab\\_cd2');
  });

  test('literal, bold, italic and joinSafe make exactly their markup', () => {
    expect(literal('Season standings')).toBe('Season standings');
    expect(bold(safe('Spa'))).toBe('**Spa**');
    expect(italic(7)).toBe('*7*');
    expect(joinSafe([safe('a'), 2, literal('c')], ' · ')).toBe('a · 2 · c');
  });

  test('a Discord timestamp is <t:seconds:style>', () => {
    expect(discordTimestamp(new Date(1_700_000_000_000), 'R')).toBe('<t:1700000000:R>');
    expect(discordTimestamp(new Date(0), 'D')).toBe('<t:0:D>');
  });
});

describe('links only for a whole snowflake', () => {
  test.each([
    ['1', '<#1>', '<@&1>'],
    ['12', '<#12>', '<@&12>'],
    ['12345678901234567890', '<#12345678901234567890>', '<@&12345678901234567890>'],
  ])('%s is linked', (id, channel, role) => {
    expect(channelLink(id)).toBe(channel);
    expect(roleLink(id)).toBe(role);
  });

  test.each(['x123', '123x', '123456789012345678901', '', 'abc'])('%j is shown as text', (id) => {
    expect(channelLink(id)).toBe(id);
    expect(roleLink(id)).toBe(id);
  });
});

describe('truncateSafe', () => {
  test('text at or under the limit is unchanged', () => {
    expect(truncateSafe(safe('abcd'), 4)).toBe('abcd');
    expect(truncateSafe(safe('abc'), 4)).toBe('abc');
  });

  test('longer text keeps max - 1 characters and ends with an ellipsis', () => {
    expect(truncateSafe(safe('abcde'), 4)).toBe('abc…');
    expect(truncateSafe(safe('abcdefgh'), 6)).toBe('abcde…');
  });

  test('a cut that would split a surrogate pair drops the whole pair', () => {
    expect(truncateSafe(safe('ab😀cd'), 4)).toBe('ab…');
  });

  test('a surrogate pair before the cut is kept', () => {
    expect(truncateSafe(safe('a😀bcdef'), 5)).toBe('a😀b…');
  });
});
