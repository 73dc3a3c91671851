import { PNG } from 'pngjs';
import { describe, expect, it, test } from 'vitest';
import { createAppContext } from '../../src/core/app-context.js';
import { buildWinnersGridSvg, RENDER_SCALE, renderPicture } from '../../src/pictures/index.js';
import { shareWidths } from '../../src/pictures/table-grid.js';
import { WINNERS_TABLE_MAX_WIDTH } from '../../src/pictures/winners-grid.js';
import { winnersGridInput } from '../../src/replies/pictures.js';
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

describe('winners grid widths', () => {
  test.each([
    ['all fit: each column gets what it needs', [100, 150, 200], [50, 50, 50], 500, [100, 150, 200]],
    [
      'too wide: the narrow keep theirs, the widest share the rest',
      [100, 300, 400],
      [50, 50, 50],
      600,
      [100, 250, 250],
    ],
    ['never below a column minimum', [10, 900], [90, 120], 400, [90, 310]],
  ])('%s', (_case, needed, minimum, total, expected) => {
    const widths = shareWidths(needed, minimum, total);
    expect(widths).toEqual(expected);
    expect(widths.reduce((sum, w) => sum + w, 0)).toBeLessThanOrEqual(Math.max(total, 0));
  });

  test('the bundled season: no round, team or driver name is cut', () => {
    const model = createAppContext().catalog.defaultSeason();
    const shown = texts(buildWinnersGridSvg(winnersGridInput(model, model.rounds.length, 'en')));
    expect(shown.filter((t) => t.endsWith('…'))).toEqual([]);
    for (const name of ['R4 Spa-Francorchamps', 'SOFREV Auto Sport Promotion', 'Nissan GT Academy Team RJN'])
      expect(shown).toContain(name);
  });

  test('a name too long for the widest table is cut; the others keep their room', () => {
    const grid = sampleWinnersGrid();
    const long = 'A Team Name So Long That No Reasonable Picture Could Ever Hold It In One Line';
    const first = grid.rounds[0];
    const winner = first?.cells[0];
    if (!first || !winner) throw new Error('fixture changed');
    const cells = [{ ...winner, team: long }, ...first.cells.slice(1)];
    const svg = buildWinnersGridSvg({ ...grid, rounds: [{ ...first, cells }, ...grid.rounds.slice(1)] });
    const cut = texts(svg).filter((t) => t.endsWith('…'));
    expect(cut).toHaveLength(1);
    expect(long.startsWith(cut[0]?.slice(0, -1) ?? '')).toBe(true);
    const width = Number(elements(svg, 'svg')[0]?.attrs.width);
    expect(width).toBeLessThanOrEqual(WINNERS_TABLE_MAX_WIDTH + 2 * 16);
  });
});
