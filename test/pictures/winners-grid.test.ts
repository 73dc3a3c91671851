import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildWinnersGridSvg, RENDER_SCALE, renderPicture } from '../../src/pictures/index.js';
import { sampleWinnersGrid } from './fixtures.js';
import { elements, texts, wellFormednessProblem } from './svg-query.js';

describe('buildWinnersGridSvg', () => {
  const grid = sampleWinnersGrid();
  const svg = buildWinnersGridSvg(grid);

  it('lays out 5 rounds × 3 classes', () => {
    expect(wellFormednessProblem(svg)).toBeNull();
    expect(elements(svg, 'g').filter((g) => g.attrs['data-row'] !== undefined)).toHaveLength(5);
    const cells = elements(svg, 'rect').filter((r) => r.attrs['data-cell']);
    expect(cells).toHaveLength(15);
    expect(cells.filter((c) => c.attrs['data-kind'] === 'blank').map((c) => c.attrs['data-cell'])).toEqual([
      '2-2',
    ]);
  });

  it('shows classes, rounds, car numbers, teams and crews', () => {
    const shown = texts(svg);
    for (const label of [
      ...grid.classes,
      'Monza',
      '14 Apr',
      'Nürburgring',
      '#11',
      '#97',
      '#1',
      'Kessel Racing',
    ]) {
      expect(shown).toContain(label);
    }
    expect(shown).toContain('César Ramos');
    expect(shown).toContain('–');
  });

  it('renders to a PNG at 2×', () => {
    const picture = renderPicture(svg);
    const decoded = PNG.sync.read(Buffer.from(picture.png));
    expect(decoded.width).toBe(Number(elements(svg, 'svg')[0]?.attrs.width) * RENDER_SCALE);
    expect(decoded.height).toBe(picture.height);
  });

  it('handles no rounds and a single class', () => {
    const empty = buildWinnersGridSvg({ ...grid, rounds: [] });
    expect(wellFormednessProblem(empty)).toBeNull();
    expect(texts(empty)).toContain('No rounds yet.');
    const single = buildWinnersGridSvg({
      ...grid,
      classes: ['Pro Cup'],
      rounds: grid.rounds.map((round) => ({ ...round, cells: round.cells.slice(0, 1) })),
    });
    expect(elements(single, 'rect').filter((r) => r.attrs['data-cell'])).toHaveLength(5);
  });
});
