import { describe, expect, it } from 'vitest';
import {
  buildStandingsMatrixSvg,
  buildTotalsTableSvg,
  buildWinnersGridSvg,
  renderPicture,
} from '../../src/pictures/index.js';
import { DRIVERS_MAX_WIDTH } from '../../src/pictures/standings-table.js';
import { measureText } from '../../src/pictures/text-metrics.js';
import { TYPE } from '../../src/pictures/theme.js';
import { LABELS, proCupMatrix, sampleWinnersGrid } from './fixtures.js';
import { elements, rowTexts, texts, wellFormednessProblem } from './svg-query.js';

const NASTY = [
  '<script>alert("x")</script>',
  'Tom & Jerry "Racing" \'Team\' > all',
  '🏁 Emoji 👨‍👩‍👧 Driver',
  'שלום עולם',
  'مرحبا بالعالم',
  'Zoë\u0000 Con\u0007trol\uFFFF \uD800 chars',
  'A'.repeat(300),
  'Word '.repeat(60),
];

function nastyMatrix() {
  const matrix = proCupMatrix();
  matrix.title = NASTY.join(' ');
  matrix.subtitle = NASTY[1] ?? '';
  matrix.legendNote = NASTY.join(' ');
  matrix.footer = `Source: ${NASTY.join(' ')}`;
  matrix.columns = matrix.columns.map((column, index) =>
    index === 0 ? { label: '<&>"', group: 'G&<' } : column,
  );
  matrix.rows = NASTY.map((name, index) => ({
    position: index === 0 ? '<1>' : String(index + 1),
    names: [name, NASTY[(index + 1) % NASTY.length] ?? ''],
    team: name,
    cells: matrix.columns.map(() => ({ text: name, kind: 'points' as const })),
    total: `${name}&`,
  }));
  return matrix;
}

describe('hostile text', () => {
  const svgs = {
    matrix: buildStandingsMatrixSvg(nastyMatrix()),
    totals: buildTotalsTableSvg({
      title: NASTY.join(''),
      subtitle: '',
      labels: LABELS,
      rows: nastyMatrix().rows,
      footer: NASTY[0] ?? '',
    }),
    winners: buildWinnersGridSvg({
      ...sampleWinnersGrid(),
      classes: NASTY.slice(0, 3),
      rounds: NASTY.map((name) => ({
        label: name,
        sublabel: name,
        cells: [{ car: name, team: name, crew: NASTY }, null, { car: '7', team: name, crew: [] }],
      })),
    }),
  };

  for (const [name, svg] of Object.entries(svgs)) {
    it(`${name}: produces well-formed SVG that renders`, () => {
      expect(wellFormednessProblem(svg)).toBeNull();
      expect(() => renderPicture(svg)).not.toThrow();
    });

    it(`${name}: escapes markup instead of emitting it`, () => {
      expect(svg).not.toContain('<script');
      expect(svg).not.toMatch(/&(?!(lt|gt|amp|quot|apos);)/);
      expect(svg.match(/<\/?[a-z]+/g)?.every((tag) => /^<\/?(svg|g|rect|text|path)$/.test(tag))).toBe(true);
    });
  }

  it('keeps the exact characters of names that fit, and drops only XML-forbidden ones', () => {
    const shown = texts(svgs.matrix);
    expect(shown).toContain('<script>alert("x")</script>');
    expect(shown).toContain('שלום עולם');
    expect(shown).toContain('Zoë Control chars');
    expect(shown.some((t) => t.startsWith('🏁 Emoji 👨‍👩‍👧'))).toBe(true);
  });

  it('truncates very long text with an ellipsis so it fits its column and the picture', () => {
    const longTexts = texts(svgs.matrix).filter((t) => t.startsWith('AAAA'));
    expect(longTexts.length).toBeGreaterThan(0);
    for (const t of longTexts) {
      expect(t.endsWith('…')).toBe(true);
      expect(t.length).toBeLessThan(150);
    }
    const longRow = NASTY.findIndex((name) => name.startsWith('AAAA'));
    // Row texts: 7 results, position, 2 names, team, total.
    const [name, , team] = rowTexts(svgs.matrix, longRow).slice(8);
    expect(name).toMatch(/^A+…$/);
    expect(measureText(name ?? '', TYPE.name)).toBeLessThanOrEqual(DRIVERS_MAX_WIDTH);
    expect(team).toMatch(/^A+…$/);
  });

  it('keeps every text inside the picture', () => {
    for (const svg of Object.values(svgs)) {
      const pictureWidth = Number(elements(svg, 'svg')[0]?.attrs.width);
      const contents = texts(svg);
      for (const [index, { attrs }] of elements(svg, 'text').entries()) {
        const style = {
          size: Number(attrs['font-size']),
          weight: attrs['font-weight'] ? 'bold' : 'regular',
        } as const;
        const width = measureText(contents[index] ?? '', style);
        const left = Number(attrs.x) - (attrs['text-anchor'] === 'middle' ? width / 2 : 0);
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left + width, contents[index]).toBeLessThanOrEqual(pictureWidth);
      }
    }
  });

  it('never splits an emoji sequence when truncating', () => {
    const family = '👨‍👩‍👧';
    const matrix = proCupMatrix();
    matrix.rows = [{ position: '1', names: [family.repeat(40)], team: null, cells: [], total: '1' }];
    const name = texts(buildStandingsMatrixSvg(matrix)).find((t) => t.startsWith(family)) ?? '';
    expect(name.endsWith('…')).toBe(true);
    expect(name.slice(0, -1).replaceAll(family, '')).toBe('');
  });
});
