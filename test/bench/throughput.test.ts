/** The scaling figure: the highest offered rate a ramp held under p99 100 ms with every interaction answered. */
import { describe, expect, test } from 'vitest';
import { type RampStep, sustainedRate } from '../../bench/throughput.js';

const step = (perSecond: number, p99Ms: number, unanswered = 0): RampStep => ({
  perSecond,
  sent: perSecond,
  unanswered,
  p50Ms: p99Ms / 4,
  p99Ms,
  botCores: 0,
  discordCores: 0,
  otherCores: 0,
});

describe('sustainedRate', () => {
  test('the last step under 100 ms before the first one at or over it', () => {
    expect(sustainedRate([step(50, 5), step(100, 20), step(200, 100), step(400, 30)])).toBe(100);
  });

  test('an unanswered interaction ends the ramp even with a low p99', () => {
    expect(sustainedRate([step(50, 5), step(100, 6, 1), step(200, 7)])).toBe(50);
  });

  test('no step under the limit (or no answers: NaN) is none', () => {
    expect(sustainedRate([step(50, 150)])).toBeNull();
    expect(sustainedRate([step(50, Number.NaN)])).toBeNull();
    expect(sustainedRate([])).toBeNull();
  });
});
