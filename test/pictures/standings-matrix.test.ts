import { describe, expect, it } from 'vitest';
import { buildStandingsMatrixSvg, buildTotalsTableSvg } from '../../src/pictures/index.js';
import { CELL_FILLS, LEGEND_KINDS } from '../../src/pictures/palette.js';
import { kindOf, LABELS, PRO_CUP_ROWS, proCupMatrix } from './fixtures.js';
import { elements, rowTexts, texts, wellFormednessProblem } from './svg-query.js';

const EXPECTED_FILL: Record<string, string> = {
  '1': '#FFFFBF',
  '2': '#DFDFDF',
  '3': '#FFDF9F',
  Ret: '#EFCFFF',
  '-': '#FFFFFF',
};

function expectedFill(result: string): string {
  return EXPECTED_FILL[result] ?? (Number(result) <= 10 ? '#DFFFDF' : '#CFCFFF');
}

describe('buildStandingsMatrixSvg', () => {
  const svg = buildStandingsMatrixSvg(proCupMatrix());

  it('is well-formed', () => {
    expect(wellFormednessProblem(svg)).toBeNull();
  });

  it('draws one row group per entry, in order, with ties keeping their position', () => {
    const rows = elements(svg, 'g').filter((g) => g.attrs['data-row'] !== undefined);
    expect(rows.map((g) => g.attrs['data-row'])).toEqual(PRO_CUP_ROWS.map((_, index) => String(index)));
    expect(rows.map((g) => g.attrs['data-position'])).toEqual(PRO_CUP_ROWS.map((row) => row.position));
  });

  it('fills every cell of the sample with its results colour', () => {
    const cells = new Map(
      elements(svg, 'rect').flatMap((r) => (r.attrs['data-cell'] ? [[r.attrs['data-cell'], r]] : [])),
    );
    expect(cells.size).toBe(PRO_CUP_ROWS.length * 7);
    for (const [rowIndex, row] of PRO_CUP_ROWS.entries()) {
      for (const [columnIndex, result] of row.results.entries()) {
        const cell = cells.get(`${rowIndex}-${columnIndex}`);
        expect(cell?.attrs.fill, `row ${rowIndex} (${row.names[0]}) column ${columnIndex}`).toBe(
          expectedFill(result),
        );
        expect(cell?.attrs['data-kind']).toBe(kindOf(result));
      }
    }
  });

  it('writes position, stacked names, team, results and total into each row', () => {
    for (const [index, row] of PRO_CUP_ROWS.entries()) {
      const results = row.results.filter((result) => result !== '-');
      expect(rowTexts(svg, index)).toEqual([...results, row.position, ...row.names, row.team, row.total]);
    }
  });

  it('heads the Spa parts with one group label over 6h / 12h / 24h', () => {
    const shown = texts(svg);
    expect(shown.filter((t) => t === 'SPA')).toHaveLength(1);
    for (const label of ['MNZ', 'SIL', 'LEC', '6h', '12h', '24h', 'NÜR', 'Pos', 'Drivers', 'Team', 'Pts']) {
      expect(shown).toContain(label);
    }
  });

  it('draws the legend with every swatch colour and label, plus the note', () => {
    const swatches = elements(svg, 'g').filter((g) => g.attrs['data-legend']);
    expect(swatches.map((g) => g.attrs['data-legend'])).toEqual([...LEGEND_KINDS]);
    const shown = texts(svg);
    for (const kind of LEGEND_KINDS) expect(shown).toContain(LABELS.legend[kind]);
    const fills = elements(svg, 'rect').map((r) => r.attrs.fill);
    for (const fill of Object.values(CELL_FILLS)) expect(fills).toContain(fill);
    expect(shown).toContain('Cells are overall finishing positions, as published.');
    expect(shown).toContain(proCupMatrix().footer);
  });

  it('is deterministic', () => {
    expect(buildStandingsMatrixSvg(proCupMatrix())).toBe(svg);
  });

  it('handles an empty table', () => {
    const empty = buildStandingsMatrixSvg({ ...proCupMatrix(), rows: [] });
    expect(wellFormednessProblem(empty)).toBeNull();
    expect(elements(empty, 'g').filter((g) => g.attrs['data-row'] !== undefined)).toHaveLength(0);
    expect(texts(empty)).toContain('No classified entries yet.');
  });

  it('draws missing cells blank and ignores extra ones', () => {
    const matrix = proCupMatrix();
    const first = matrix.rows[0];
    if (!first) throw new Error('fixture has rows');
    matrix.rows = [
      { ...first, cells: [{ text: '1', kind: 'win' }] },
      { ...first, cells: [...first.cells, ...first.cells] },
    ];
    const cells = elements(buildStandingsMatrixSvg(matrix), 'rect').filter((r) => r.attrs['data-cell']);
    expect(cells).toHaveLength(14);
    expect(
      cells.filter((c) => c.attrs['data-cell']?.startsWith('0-') && c.attrs['data-kind'] === 'blank'),
    ).toHaveLength(6);
  });
});

describe('buildTotalsTableSvg', () => {
  const table = {
    title: 'Pro-Am Cup',
    subtitle: 'Totals as published',
    labels: LABELS,
    rows: PRO_CUP_ROWS.slice(0, 5).map(({ position, names, team, total }) => ({
      position,
      names,
      team,
      total,
    })),
    footer: 'Source: test',
  };

  it('draws one row per entry and no results cells or legend', () => {
    const svg = buildTotalsTableSvg(table);
    expect(wellFormednessProblem(svg)).toBeNull();
    expect(elements(svg, 'g').filter((g) => g.attrs['data-row'] !== undefined)).toHaveLength(5);
    expect(elements(svg, 'rect').filter((r) => r.attrs['data-cell'])).toHaveLength(0);
    expect(elements(svg, 'g').filter((g) => g.attrs['data-legend'])).toHaveLength(0);
    expect(texts(svg)).toEqual(
      expect.arrayContaining(['Pro-Am Cup', 'Maximilian Buhk', '81', 'Source: test']),
    );
  });

  it('omits the team column when no entry has a team, and handles no rows', () => {
    const teamless = buildTotalsTableSvg({
      ...table,
      rows: table.rows.map((row) => ({ ...row, team: null })),
    });
    expect(texts(teamless)).not.toContain('Team');
    const empty = buildTotalsTableSvg({ ...table, rows: [] });
    expect(texts(empty)).toContain('No classified entries yet.');
  });
});
