import { describe, expect, it } from 'vitest';
import { measureRanges } from '../../src/pictures/metrics/generate-inter-widths.js';
import { INTER_WIDTHS } from '../../src/pictures/metrics/inter-widths.js';
import { fitText, measureText, normalizeText, wrapText } from '../../src/pictures/text-metrics.js';
import { TYPE } from '../../src/pictures/theme.js';

describe('Inter width table', () => {
  it('matches the bundled font files (regenerate with generate-inter-widths.ts if this fails)', () => {
    expect(measureRanges('regular')).toEqual(INTER_WIDTHS.regular);
    expect(measureRanges('bold')).toEqual(INTER_WIDTHS.bold);
  });
});

describe('measureText', () => {
  it('scales with size and weight, and knows narrow from wide letters', () => {
    const regular = measureText('Maximilian Buhk', { size: 10, weight: 'regular' });
    expect(measureText('Maximilian Buhk', { size: 20, weight: 'regular' })).toBeCloseTo(regular * 2);
    expect(measureText('Maximilian Buhk', { size: 10, weight: 'bold' })).toBeGreaterThan(regular);
    expect(measureText('iiii', TYPE.name)).toBeLessThan(measureText('WWWW', TYPE.name));
    expect(measureText('', TYPE.name)).toBe(0);
  });

  it('gives glyphs outside Inter a width instead of zero', () => {
    expect(measureText('😀', TYPE.name)).toBeGreaterThan(TYPE.name.size * 0.9);
    expect(measureText('א', TYPE.name)).toBeGreaterThan(0);
  });
});

describe('fitText', () => {
  it('keeps text that fits and ellipsises text that does not', () => {
    expect(fitText('René Rast', 200, TYPE.name)).toBe('René Rast');
    const cut = fitText('Alessandro Pier Guidi', 80, TYPE.name);
    expect(cut.endsWith('…')).toBe(true);
    expect(measureText(cut, TYPE.name)).toBeLessThanOrEqual(80);
  });

  it('returns just the ellipsis when nothing else fits', () => {
    expect(fitText('Maximilian', 1, TYPE.name)).toBe('…');
  });
});

describe('wrapText', () => {
  it('wraps on words and ellipsises the last allowed line', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 60, TYPE.legend, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    for (const line of lines) expect(measureText(line, TYPE.legend)).toBeLessThanOrEqual(60);
  });

  it('returns no lines for empty text', () => {
    expect(wrapText('   ', 100, TYPE.legend, 2)).toEqual([]);
  });
});

describe('normalizeText', () => {
  it('collapses whitespace, composes accents and drops XML-forbidden characters', () => {
    expect(normalizeText('  Ste\u0301phane\n\tOrtelli\u0000 ')).toBe('Stéphane Ortelli');
  });
});
