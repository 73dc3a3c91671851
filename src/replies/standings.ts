import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import {
  buildWithEveryModel,
  type SeasonModel,
  type StandingsColumn,
  type StandingsRow,
  type StandingsTable,
} from '../season/model.js';
import type { Cell } from '../season/schema.js';
import { COLOURS, className, sourceFooter, teamName, withoutCode, writtenPersonWithFlag } from './common.js';
import { LIMITS } from './limits.js';
import { memoForModel } from './memo.js';
import { choosePage, type PageSpan, pageLine, splitByLengths } from './pages.js';
import { bold, joinSafe, literal, md, type SafeEmbed, type SafeText, safe } from './safe-text.js';
import { positionLabel } from './text.js';

export function cellText(cell: Cell): string {
  return cell === null ? '–' : String(cell);
}

/**
 * Cells of one row grouped by round, as printed: "MNZ 7 · SIL Ret · SPA 3/2/Ret · NÜR 2". Spa's three
 * stages share one label; rounds without any published cell show "–".
 */
export function formatRowCells(columns: readonly StandingsColumn[], cells: readonly Cell[]): SafeText {
  let text = '';
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as StandingsColumn;
    const value = cellText(cells[i] ?? null);
    if (i > 0 && columns[i - 1]?.round === column.round) text += `/${value}`;
    else text += `${i > 0 ? ' · ' : ''}${column.label} ${value}`;
  }
  return safe(text);
}

/** One row: position, names, team, total (then `afterTotal`, e.g. a movement mark), and its cells below. */
export function standingsRowLine(
  model: SeasonModel,
  table: StandingsTable,
  row: StandingsRow,
  afterTotal: SafeText = literal(''),
): SafeText {
  const names = joinSafe(
    row.drivers.map((d) => writtenPersonWithFlag(model, d)),
    ', ',
  );
  const team = row.teamAsWritten
    ? md` · ${safe(withoutCode(row.teamAsWritten))}`
    : row.teamId
      ? md` · ${safe(teamName(model, row.teamId))}`
      : literal('');
  const position = safe(positionLabel(row.position, row.tied).padStart(3));
  const head = md`\`${position}\` ${names}${team} — ${bold(row.points)}${afterTotal}`;
  if (row.cells === null) return head;
  return md`${head}\n\u2003${formatRowCells(table.columns, row.cells)}`;
}

/**
 * The length of what standingsRowLine prints, without printing it: long tables are cut into pages by these
 * lengths, so only the lines of the page asked for are formatted (standings-paging-equivalence.test.ts
 * holds the two to the same numbers). One measurer per table: labels and separators are counted once.
 */
export function rowLineLength(model: SeasonModel, table: StandingsTable): (row: StandingsRow) => number {
  const frame = cellsFrameLength(table.columns);
  return (row) => {
    let length = 1 + Math.max(3, positionLabel(row.position, row.tied).length) + 2;
    for (const [i, driver] of row.drivers.entries())
      length += writtenPersonWithFlag(model, driver).length + (i > 0 ? 2 : 0);
    if (row.teamAsWritten) length += 3 + safe(withoutCode(row.teamAsWritten)).length;
    else if (row.teamId) length += 3 + safe(teamName(model, row.teamId)).length;
    length += 3 + 2 + String(row.points).length + 2;
    if (row.cells === null) return length;
    length += 2 + frame;
    const cells = row.cells;
    for (let i = 0; i < table.columns.length; i++) length += cellLength(cells[i] ?? null);
    return length;
  };
}

/**
 * formatRowCells' length less its values: the labels and separators. Every value is "–" here, one
 * character that no escaping rule touches, so subtracting one per column leaves the frame exactly.
 */
function cellsFrameLength(columns: readonly StandingsColumn[]): number {
  return formatRowCells(columns, []).length - columns.length;
}

function cellLength(cell: Cell): number {
  if (cell === null) return 1;
  if (typeof cell === 'string') return cell.length;
  return cell < 10 ? 1 : cell < 100 ? 2 : String(cell).length;
}

function legend(table: StandingsTable, locale: Locale): SafeText | null {
  if (table.columns.length === 0) return t(locale, 'replies.standings.totalsOnly');
  const spa = table.columns.filter((c) => c.sublabel).map((c) => c.sublabel);
  const stages =
    spa.length > 0 ? t(locale, 'replies.standings.stages', { labels: safe(spa.join(' / ')) }) : literal('');
  const cells = literal(table.cellsMeaning === 'overall-positions' ? 'overall' : 'class');
  return t(locale, 'replies.standings.legend', { cells, stages });
}

/** One page of a class table as an embed, and how many pages the table has. */
export interface StandingsPage {
  embed: SafeEmbed;
  page: number;
  pages: number;
}

/**
 * A table's rows as pages (see pages.ts), the asked page's rows joined, and "Page 2 of 4" under them:
 * a long table is paged (the reply's ◀ ▶ buttons turn the pages), never cut. Pages are cut by the lines'
 * lengths (`lengthAt`, which must equal `lineAt(i).length`); only the shown page's lines are built.
 */
export function pagedRows(
  model: SeasonModel,
  key: string,
  count: number,
  lineAt: (index: number) => SafeText,
  lengthAt: (index: number) => number,
  room: number,
  asked: number | null,
  locale: Locale,
): { body: SafeText; page: number; pages: number } {
  const spans = memoForModel(model, `pages:${locale}:${key}`, () =>
    splitByLengths(count, lengthAt, room - pageLine(999, 999, locale).length - 2),
  );
  const page = choosePage(asked, spans.length);
  const span = spans[page - 1] as PageSpan | undefined;
  if (!span) return { body: literal(''), page: 1, pages: 1 };
  const lines = joinSafe(
    Array.from({ length: span.end - span.start }, (_, i) => lineAt(span.start + i)),
    '\n',
  );
  return {
    body: spans.length > 1 ? md`${lines}\n\n${pageLine(page, spans.length, locale)}` : lines,
    page,
    pages: spans.length,
  };
}

export function buildStandingsEmbed(model: SeasonModel, table: StandingsTable, locale: Locale): SafeEmbed {
  return buildStandingsPage(model, table, null, locale).embed;
}

export function buildStandingsPage(
  model: SeasonModel,
  table: StandingsTable,
  asked: number | null,
  locale: Locale,
): StandingsPage {
  return memoForModel(model, `standings:${locale}:${table.classId}:${asked ?? 1}`, () =>
    standingsPage(model, table, asked, locale),
  );
}

function standingsPage(
  model: SeasonModel,
  table: StandingsTable,
  asked: number | null,
  locale: Locale,
): StandingsPage {
  const note = legend(table, locale);
  const room = LIMITS.description - (note ? note.length + 2 : 0);
  const rows = table.rows;
  const paged =
    rows.length === 0
      ? { body: t(locale, 'replies.standings.none'), page: 1, pages: 1 }
      : pagedRows(
          model,
          `standings:${table.classId}`,
          rows.length,
          (i) => standingsRowLine(model, table, rows[i] as StandingsRow),
          lineLengths(model, table),
          room,
          asked,
          locale,
        );
  const embed: SafeEmbed = {
    title: md`${className(model, table.classId)} — ${safe(model.name)}`,
    description: note ? md`${paged.body}\n\n${note}` : paged.body,
    color: COLOURS.standings,
    footer: sourceFooter(model, locale),
  };
  return { embed, page: paged.page, pages: paged.pages };
}

/**
 * Each published table's line lengths (the same in every language), measured with the model at load and
 * reload rather than by the first request of a class: on the largest generated season that request
 * formatted 1,700 rows of 50 rounds (62 ms) to learn where the pages split. Keyed by the table itself, so
 * lengths only ever describe the rows they were measured on.
 */
const measuredTables = new WeakMap<StandingsTable, Int32Array>();

buildWithEveryModel((model) => {
  for (const table of model.standings.values()) measuredTables.set(table, measureTable(model, table));
});

/** The line lengths measured for a table, if they were (for tests: a loaded model's tables all are). */
export function measuredLineLengths(table: StandingsTable): Int32Array | undefined {
  return measuredTables.get(table);
}

/** Every row's line length, in row order. */
function measureTable(model: SeasonModel, table: StandingsTable): Int32Array {
  return Int32Array.from(table.rows, rowLineLength(model, table));
}

/** A published table's line lengths, measured with the model (or now, if built before this module loaded). */
function lineLengths(model: SeasonModel, table: StandingsTable): (index: number) => number {
  let lengths = measuredTables.get(table);
  if (!lengths) {
    lengths = measureTable(model, table);
    measuredTables.set(table, lengths);
  }
  const measured = lengths;
  return (index) => measured[index] as number;
}
