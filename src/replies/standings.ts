import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { SeasonModel, StandingsColumn, StandingsRow, StandingsTable } from '../season/model.js';
import type { Cell } from '../season/schema.js';
import { COLOURS, className, sourceFooter, teamName, withoutCode, writtenPersonWithFlag } from './common.js';
import { LIMITS } from './limits.js';
import { memoForModel } from './memo.js';
import { choosePage, type PageSpan, pageLine, splitIntoPages } from './pages.js';
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
  for (const [i, column] of columns.entries()) {
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
 * a long table is paged (the reply's ◀ ▶ buttons turn the pages), never cut.
 */
export function pagedRows(
  model: SeasonModel,
  key: string,
  count: number,
  lineAt: (index: number) => SafeText,
  room: number,
  asked: number | null,
  locale: Locale,
): { body: SafeText; page: number; pages: number } {
  const pageRoom = room - pageLine(999, 999, locale).length - 2;
  // Splitting measures every line and the page shows some of them again: each line is built once.
  const built: SafeText[] = [];
  const line = (index: number) => {
    built[index] ??= lineAt(index);
    return built[index];
  };
  const spans = memoForModel(model, `pages:${locale}:${key}`, () => splitIntoPages(count, line, pageRoom));
  const page = choosePage(asked, spans.length);
  const span = spans[page - 1] as PageSpan | undefined;
  if (!span) return { body: literal(''), page: 1, pages: 1 };
  const lines = joinSafe(
    Array.from({ length: span.end - span.start }, (_, i) => line(span.start + i)),
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
