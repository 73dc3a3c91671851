/**
 * Long tables are cut into pages by their lines' lengths, measured without formatting the lines, and only
 * the page asked for is formatted. The reply must be exactly what formatting every line and then cutting
 * would give: the oracle below is that old way written out (build every line, cut by the built lines'
 * lengths, show the page's lines). Generated tables carry what changes a line's length: names and teams
 * with markup to escape, mentions, direction controls and non-ASCII letters, people with and without a
 * flag, country codes before team names, ties (=N), wide positions, every kind of cell, Spa-like rounds
 * of several stages, rows without cells, and room for a few rows up to a full description (the last page
 * included).
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createAppContext, DEFAULT_DATA_DIR } from '../../src/core/app-context.js';
import { LOCALES, type Locale } from '../../src/i18n/locale.js';
import { buildComputedStandingsPage, movementText } from '../../src/replies/computed-standings.js';
import { pageLine } from '../../src/replies/pages.js';
import type { SafeText } from '../../src/replies/safe-text.js';
import {
  buildStandingsPage,
  measuredLineLengths,
  pagedRows,
  rowLineLength,
  standingsRowLine,
} from '../../src/replies/standings.js';
import { checkSeasonFolder } from '../../src/season/load.js';
import {
  buildSeasonModel,
  type SeasonModel,
  type StandingsColumn,
  type StandingsRow,
  type StandingsTable,
} from '../../src/season/model.js';
import type { Cell } from '../../src/season/schema.js';
import type { ComputedTable } from '../../src/season/standings-engine.js';

const base = createAppContext().catalog.defaultSeason();
const personIds = [...base.people.keys()];
const teamIds = [...base.teams.keys()];

/** Text as data files hold it: plain words, accents, scripts outside Latin-1, and everything safe() escapes. */
const dataText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Buhk',
        'Mücke',
        'Ørsted',
        'Łukasz',
        'Ñúñez',
        'Жуков',
        '佐藤',
        '🏁',
        ' ',
        '-',
        '.',
        'GER ',
      ),
      fc.constantFrom(
        '*',
        '_',
        '~',
        '`',
        '|',
        '[',
        ']',
        '\\',
        '@',
        '@everyone',
        '<@1>',
        '<t',
        '#',
        '> ',
        '1. ',
      ),
      fc.constantFrom('\u202e', '\u2066', '\n', '- ', '+ ', '# ', '-# '),
      fc.string({ maxLength: 6 }),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 1, max: 9 }),
  fc.integer({ min: 10, max: 99 }),
  fc.integer({ min: 100, max: 12_345 }),
  fc.constantFrom('Ret', 'DNS', 'DSQ', 'NC', 'EX', 'WD'),
);

/** Rounds of one to three stages (Spa's 6h/12h/24h share one label), labels as data writes them. */
const columns = (minLength: number, maxLength: number): fc.Arbitrary<StandingsColumn[]> =>
  fc
    .array(fc.record({ stages: fc.integer({ min: 1, max: 3 }), label: dataText }), { minLength, maxLength })
    .map((rounds) =>
      rounds.flatMap(({ stages, label }, r) =>
        Array.from({ length: stages }, (_, s) => ({
          id: `r${r + 1}-${s}`,
          round: r + 1,
          stage: 'finish' as const,
          label,
          sublabel: stages > 1 ? `${s + 1}` : null,
          countryAsWritten: null,
        })),
      ),
    );

const driver = fc.record({
  personId: fc.oneof(fc.constantFrom(...personIds), fc.constant('nobody-known')),
  asWritten: dataText,
});

function rowsFor(count: number): fc.Arbitrary<Omit<StandingsRow, 'cells'>[]> {
  return fc
    .array(
      fc.record({
        drivers: fc.array(driver, { minLength: 1, maxLength: 4 }),
        team: fc.oneof(
          fc.record({ teamAsWritten: dataText, teamId: fc.constant(null) }),
          fc.record({
            teamAsWritten: fc.constant(null),
            teamId: fc.oneof(fc.constantFrom(...teamIds), fc.constant('unknown-team'), fc.constant(null)),
          }),
        ),
        tiedWithNext: fc.boolean(),
        points: fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.double({ min: 0, max: 500, noNaN: true })),
      }),
      { minLength: count, maxLength: count },
    )
    .map((rows) => {
      // Competition-style positions with ties: a row tied with the next shares its position.
      let position = 1;
      return rows.map((row, index) => {
        const tied = row.tiedWithNext || (index > 0 && (rows[index - 1]?.tiedWithNext ?? false));
        if (index > 0 && !rows[index - 1]?.tiedWithNext) position = index + 1;
        return {
          classId: 'pro',
          index,
          position: position + (index > 40 ? 9_990 : 0),
          tied,
          drivers: row.drivers,
          teamId: row.team.teamId,
          teamAsWritten: row.team.teamAsWritten,
          points: row.points,
        };
      });
    });
}

const tablesOf = (rounds: { min: number; max: number }): fc.Arbitrary<StandingsTable> =>
  fc
    .tuple(columns(rounds.min, rounds.max), fc.integer({ min: 1, max: 60 }), fc.boolean())
    .chain(([cols, count, withCells]) =>
      fc
        .tuple(
          rowsFor(count),
          fc.array(fc.array(cell, { minLength: cols.length, maxLength: cols.length }), {
            minLength: count,
            maxLength: count,
          }),
        )
        .map(([rows, cells]) => ({
          classId: 'pro',
          cellsMeaning: 'overall-positions' as const,
          columns: cols,
          rows: rows.map((row, i) => ({ ...row, cells: withCells ? (cells[i] ?? null) : null })),
        })),
    );

const tables = tablesOf({ min: 0, max: 12 });
/** Rows of many rounds: a page holds fewer than ten of them, so the character limit decides every cut. */
const wideTables = tablesOf({ min: 25, max: 50 });

/** The old way: every line formatted, pages cut by the formatted lines' lengths, the asked page shown. */
function formatEverythingThenSplit(lines: readonly SafeText[], room: number, page: number, locale: Locale) {
  const pageRoom = room - pageLine(999, 999, locale).length - 2;
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const length = (lines[i] as string).length + (i > start ? 1 : 0);
    if (i > start && (i - start >= 10 || used + length > pageRoom)) {
      spans.push({ start, end: i });
      start = i;
      used = (lines[i] as string).length;
    } else {
      used += length;
    }
  }
  if (lines.length > 0) spans.push({ start, end: lines.length });
  const span = spans[page - 1];
  if (!span) return { body: '', pages: spans.length };
  const shown = lines.slice(span.start, span.end).join('\n');
  return {
    body: spans.length > 1 ? `${shown}\n\n${pageLine(page, spans.length, locale)}` : shown,
    pages: spans.length,
  };
}

/** A model of its own per generated table: nothing measured or memoised for one table leaks into another. */
function modelWith(table: StandingsTable): SeasonModel {
  return { ...base, standings: new Map([[table.classId, table]]) };
}

let keys = 0;
const options = { numRuns: 150, seed: 2013 };

describe('paging by measured lengths gives the replies of formatting every line', () => {
  test('a row line measured is the length of the row line formatted', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const measure = rowLineLength(base, table);
        for (const row of table.rows) expect(measure(row)).toBe(standingsRowLine(base, table, row).length);
      }),
      options,
    );
  });

  test('every page of a table, in every language and room, is byte-identical', () => {
    fc.assert(
      fc.property(
        tables,
        fc.integer({ min: 120, max: 4_096 }),
        fc.constantFrom(...LOCALES),
        (table, room, locale) => {
          const lines = table.rows.map((row) => standingsRowLine(base, table, row));
          const measure = rowLineLength(base, table);
          const key = `equivalence:${keys++}`;
          const first = formatEverythingThenSplit(lines, room, 1, locale);
          for (let page = 1; page <= first.pages; page++) {
            const old = formatEverythingThenSplit(lines, room, page, locale);
            const now = pagedRows(
              base,
              key,
              lines.length,
              (i) => standingsRowLine(base, table, table.rows[i] as StandingsRow),
              (i) => measure(table.rows[i] as StandingsRow),
              room,
              page,
              locale,
            );
            expect({ body: now.body, pages: now.pages, page: now.page }).toEqual({ ...old, page });
          }
        },
      ),
      options,
    );
  });

  test('/standings pages (published table, lengths measured with the model) are byte-identical', () => {
    fc.assert(
      fc.property(fc.oneof(tables, wideTables), fc.constantFrom(...LOCALES), (table, locale) => {
        const model = modelWith(table);
        const lines = table.rows.map((row) => standingsRowLine(model, table, row));
        const { embed, pages } = buildStandingsPage(model, table, null, locale);
        const description = embed.description ?? '';
        const note = description.slice(description.lastIndexOf('\n\n') + 2);
        const room = 4_096 - note.length - 2;
        for (let page = 1; page <= pages; page++) {
          const old = formatEverythingThenSplit(lines, room, page, locale);
          const now = buildStandingsPage(model, table, page, locale);
          expect(now.pages).toBe(old.pages);
          expect(now.embed.description).toBe(`${old.body}\n\n${note}`);
        }
      }),
      { numRuns: 60, seed: 2013, endOnFailure: true },
    );
  });

  test('/standings pages of a computed table, with movement marks, are byte-identical', () => {
    fc.assert(
      fc.property(
        fc.oneof(tables, wideTables),
        fc.constantFrom(...LOCALES),
        fc.integer({ min: 1, max: base.rounds.length }),
        fc.array(fc.option(fc.integer({ min: 1, max: 70 })), { minLength: 60, maxLength: 60 }),
        (table, locale, afterRound, previous) => {
          const model = modelWith(table);
          const computed = {
            afterRound,
            rows: table.rows.map((row, i) => ({
              position: row.position,
              previousPosition: previous[i] ?? null,
            })),
          } as unknown as ComputedTable;
          const lines = table.rows.map((row, i) =>
            standingsRowLine(
              model,
              table,
              row,
              movementText(row.position, previous[i] ?? null, afterRound, locale),
            ),
          );
          const first = buildComputedStandingsPage(model, { table, computed }, null, locale);
          const description = first.embed.description ?? '';
          const note = description.slice(description.lastIndexOf('\n\n') + 2);
          const room = 4_096 - note.length - 2;
          for (let page = 1; page <= first.pages; page++) {
            const old = formatEverythingThenSplit(lines, room, page, locale);
            const now = buildComputedStandingsPage(model, { table, computed }, page, locale);
            expect(now.pages).toBe(old.pages);
            expect(now.embed.description).toBe(`${old.body}\n\n${note}`);
          }
        },
      ),
      { numRuns: 60, seed: 2013, endOnFailure: true },
    );
  });
});

describe('a loaded model comes with its published tables measured', () => {
  test('every published line of the bundled season is measured at load, at its formatted length', () => {
    const model = createAppContext().catalog.defaultSeason();
    expect(model.standings.size).toBeGreaterThan(0);
    for (const table of model.standings.values())
      expect([...(measuredLineLengths(table) ?? [])]).toEqual(
        table.rows.map((row) => standingsRowLine(model, table, row).length),
      );
  });

  test('a model built only to check the files measures nothing', () => {
    const checked = checkSeasonFolder(join(DEFAULT_DATA_DIR, base.id));
    if (!checked.ok) throw new Error('the bundled season does not check');
    const model = buildSeasonModel(checked.files, checked.classified, { forChecking: true });
    for (const table of model.standings.values()) expect(measuredLineLengths(table)).toBeUndefined();
  });
});
