import { validateInteractionCallback } from '@pitboard/local-discord/validation';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { calendar } from '../../commands/calendar.js';
import { standings } from '../../commands/standings.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { CommandContext } from '../../src/core/command.js';
import {
  buildStandingsMatrixSvg,
  RENDER_SCALE,
  renderCompactPicture,
  renderPicture,
} from '../../src/pictures/index.js';
import {
  cellKind,
  MAX_PICTURE_ROWS,
  standingsMatrixInput,
  standingsPicture,
  winnersGridInput,
} from '../../src/replies/pictures.js';
import type { SeasonModel } from '../../src/season/model.js';
import { elements, texts } from './svg-query.js';

let model: SeasonModel;
let context: CommandContext;
beforeAll(() => {
  const app = createAppContext({ now: () => new Date('2026-11-24T12:00:00Z') });
  model = app.catalog.defaultSeason();
  context = app.makeContext();
});

// The published Pro Cup cells, row by row: W win, S 2nd, T 3rd, P points, C classified without points, R retired,
// U position only (the row's published total is not reproduced by reading the positions against the points
// tables, so no cell of it is read that way), - blank (nothing published).
const EXPECTED_KINDS = [
  '--PPTWW',
  '---PTWW',
  'PRWTSRS',
  'UUUUURU',
  'UUUUUUR',
  'SRPRRRT',
  '---SWS-',
  'UUUUURU',
  'UUUURRU',
  'CPTCCR-',
  '-W-----',
  'UUUUUUR',
  'PCP---P',
  'CPSCRRR',
  'PSPRRRC',
  'PSPRRRR',
  'UUUUUUU',
];
const KIND_LETTER: Record<string, string> = {
  win: 'W',
  second: 'S',
  third: 'T',
  points: 'P',
  classified: 'C',
  retired: 'R',
  unreconciled: 'U',
  blank: '-',
};

describe('Pro Cup standings matrix from the bundled season', () => {
  test('one row per published standings row, every cell coloured by its published value', () => {
    const table = model.standings.get('pro');
    if (!table) throw new Error('no pro table');
    const input = standingsMatrixInput(model, table, 'en');
    expect(input.rows.map((r) => r.cells.map((c) => KIND_LETTER[c.kind]).join(''))).toEqual(EXPECTED_KINDS);
    const svg = buildStandingsMatrixSvg(input);
    expect(elements(svg, 'g').filter((g) => 'data-row' in g.attrs)).toHaveLength(17);
    expect(input.rows.map((r) => r.total)).toEqual([
      '81',
      '71',
      '71',
      '50',
      '48',
      '41',
      '39',
      '39',
      '31',
      '27',
      '25',
      '25',
      '25',
      '24',
      '24',
      '24',
      '24',
    ]);
    expect(input.rows[1]?.position).toBe('=2');
  });

  test('Spa 6h 10th place is not a points cell (the 6h/12h table gives 10th no points)', () => {
    const table = model.standings.get('pro');
    if (!table) throw new Error('no pro table');
    expect(cellKind(model, table, 3, 10)).toBe('classified');
    expect(cellKind(model, table, 5, 10)).toBe('points');
  });

  test('Dumbreck / Kane: 39 published, 36 derived, so no cell claims points, podium or "no points"', () => {
    const table = model.standings.get('pro');
    if (!table) throw new Error('no pro table');
    const row = standingsMatrixInput(model, table, 'en').rows.find((r) => r.names.includes('Peter Dumbreck'));
    expect(row?.total).toBe('39');
    expect(row?.cells.map((c) => c.kind)).toEqual([
      'unreconciled',
      'unreconciled',
      'unreconciled',
      'unreconciled',
      'unreconciled',
      'retired',
      'unreconciled',
    ]);
  });

  test('the legend says a blank cell is "nothing published", never "did not take part"', () => {
    const table = model.standings.get('pro');
    if (!table) throw new Error('no pro table');
    const svg = buildStandingsMatrixSvg(standingsMatrixInput(model, table, 'en'));
    expect(elements(svg, 'g').some((g) => g.attrs['data-legend'] === 'blank')).toBe(true);
    expect(texts(svg)).toContain('Nothing published');
    expect(svg).not.toMatch(/did not take part/i);
    // Pier Guidi and Skryabin raced at Spa in another car (Pro-Am #70): their blank Spa cells are not absence.
    const row = standingsMatrixInput(model, table, 'en').rows.find((r) =>
      r.names.includes('Alexander Skryabin'),
    );
    expect(row?.cells.slice(3, 6).map((c) => c.kind)).toEqual(['blank', 'blank', 'blank']);
  });

  test('the PNG, drawn in the renderer process, decodes at 2× and a repeat comes from the cache', async () => {
    const table = model.standings.get('pro');
    if (!table) throw new Error('no pro table');
    const first = await standingsPicture(model, table, 'en');
    const png = PNG.sync.read(Buffer.from(first.file.data));
    expect(png.width).toBeGreaterThan(1000);
    const again = await standingsPicture(model, table, 'en');
    expect(again.fromCache).toBe(true);
    expect(again.file.data).toBe(first.file.data);
  });

  test('the palette PNG that is sent keeps every cell colour exactly and is a fraction of full RGBA', () => {
    const table = model.standings.get('pro');
    if (!table) throw new Error('no pro table');
    const svg = buildStandingsMatrixSvg(standingsMatrixInput(model, table, 'en'));
    const compact = renderCompactPicture(svg);
    const full = renderPicture(svg);
    expect(compact.png.byteLength).toBeLessThan(full.png.byteLength / 2);
    const png = PNG.sync.read(Buffer.from(compact.png));
    expect([png.width, png.height]).toEqual([full.width, full.height]);
    const cells = elements(svg, 'rect').filter((r) => 'data-cell' in r.attrs);
    expect(cells).toHaveLength(17 * 7);
    for (const cell of cells) {
      const x = Math.round((Number(cell.attrs.x) + Number(cell.attrs.width) / 4) * RENDER_SCALE);
      const y = Math.round((Number(cell.attrs.y) + 3) * RENDER_SCALE);
      const at = (y * png.width + x) * 4;
      const hex =
        `#${[0, 1, 2].map((i) => (png.data[at + i] ?? 0).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
      expect(hex, `cell ${cell.attrs['data-cell']}`).toBe((cell.attrs.fill ?? '').toUpperCase());
    }
  });

  test('a long table is pictured from the top, 40 rows, and says so', () => {
    const table = model.standings.get('pro');
    if (!table) throw new Error('no pro table');
    const long = { ...table, rows: Array.from({ length: 6 }, () => table.rows).flat() };
    const input = standingsMatrixInput(model, long, 'en');
    expect(input.rows).toHaveLength(MAX_PICTURE_ROWS);
    expect(input.subtitle).toContain(`top ${MAX_PICTURE_ROWS} of ${long.rows.length} rows`);
  });

  test('winners grid up to a round shows only rounds done', () => {
    expect(winnersGridInput(model, 3, 'en').rounds.map((r) => r.label)).toEqual([
      'R1 Monza',
      'R2 Silverstone',
      'R3 Paul Ricard',
    ]);
  });
});

describe('replies carrying a picture are valid for Discord', () => {
  test('/standings pro: embed image points at the attachment; metadata lists it', async () => {
    const reply = await standings.execute({ class: 'pro' }, context);
    expect(reply.files?.map((f) => f.name)).toEqual(['standings-pro.png']);
    expect(reply.data.attachments).toEqual([
      expect.objectContaining({ id: '0', filename: 'standings-pro.png' }),
    ]);
    expect(reply.data.embeds?.[0]?.image?.url).toBe('attachment://standings-pro.png');
    expect(validateInteractionCallback({ type: 4, data: reply.data }, { files: 1 } as never)).toEqual([]);
  });
  test('/standings pro text:true: no picture', async () => {
    const reply = await standings.execute({ class: 'pro', text: true }, context);
    expect(reply.files).toBeUndefined();
    expect(reply.data.embeds?.[0]?.image).toBeUndefined();
  });
  test('/calendar before the season: no winners picture', async () => {
    const early = { ...context, now: () => new Date('2013-04-01T00:00:00Z') };
    const reply = await calendar.execute({}, early);
    expect(reply.files).toBeUndefined();
  });
});
