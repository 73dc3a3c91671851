/**
 * `/setup replay start:` as pure calls: which texts are relative times, and each impossible date in words.
 */
import { describe, expect, test } from 'vitest';
import { describeImpossibleDate, parseReplayStart } from '../../src/setup/replay.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');

describe('parseReplayStart', () => {
  test.each(['soon in 5m', 'in 5m later', 'in 1234567m', 'in5m'])('%j is not a relative time', (text) => {
    expect(parseReplayStart(text, NOW).ok).toBe(false);
  });

  test.each([
    ['in  5m', 300_000],
    ['in 5 m', 300_000],
    ['in 999999s', 999_999_000],
  ])('%j is now + %i ms', (text, ms) => {
    expect(parseReplayStart(text, NOW)).toEqual({ ok: true, date: new Date(NOW.getTime() + ms) });
  });

  test.each(['now', ' NOW ', 'Now'])('%j is now', (text) => {
    expect(parseReplayStart(text, NOW)).toEqual({ ok: true, date: NOW });
  });
});

describe('describeImpossibleDate', () => {
  test.each([
    [{ part: 'month', month: '13' } as const, 'month 13 does not exist (01 to 12).'],
    [{ part: 'day', day: 30, month: 2, year: 2026 } as const, '30 February 2026 does not exist.'],
    [{ part: 'time', time: '25:00' } as const, '25:00 is not a time of day (00:00 to 23:59:59).'],
    [{ part: 'offset', zone: '+15:00' } as const, '+15:00 is not a time zone offset (±00:00 to ±14:00).'],
  ])('%j', (issue, sentence) => {
    expect(String(describeImpossibleDate('en', issue))).toBe(sentence);
  });
});
