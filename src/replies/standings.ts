import type { SeasonModel, StandingsColumn, StandingsRow, StandingsTable } from '../season/model.js';
import type { Cell } from '../season/schema.js';
import { COLOURS, className, sourceFooter, teamName, withoutCode, writtenPersonWithFlag } from './common.js';
import { fitLines, LIMITS } from './limits.js';
import { memoForModel } from './memo.js';
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
  const groups: { label: string; values: string[] }[] = [];
  columns.forEach((column, i) => {
    const last = groups.at(-1);
    const value = cellText(cells[i] ?? null);
    if (last && columns[i - 1]?.round === column.round) last.values.push(value);
    else groups.push({ label: column.label, values: [value] });
  });
  return safe(groups.map((g) => `${g.label} ${g.values.join('/')}`).join(' · '));
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

function legend(table: StandingsTable): SafeText | null {
  if (table.columns.length === 0)
    return literal('Published totals only; no per-round results were published for this class.');
  const spa = table.columns.filter((c) => c.sublabel).map((c) => c.sublabel);
  const meaning = literal(
    table.cellsMeaning === 'overall-positions'
      ? 'Cells are overall finishing positions as published (not class positions)'
      : 'Cells are class finishing positions',
  );
  const stages =
    spa.length > 0 ? md`; a round with several cells shows them after ${safe(spa.join(' / '))}` : literal('');
  return md`${meaning}${stages}. Ret = retired, – = no result published. "=" marks a shared position.`;
}

export function buildStandingsEmbed(model: SeasonModel, table: StandingsTable): SafeEmbed {
  return memoForModel(model, `standings:${table.classId}`, () => standingsEmbed(model, table));
}

function standingsEmbed(model: SeasonModel, table: StandingsTable): SafeEmbed {
  const note = legend(table);
  const room = LIMITS.description - (note ? note.length + 2 : 0);
  const rows = table.rows;
  const body =
    rows.length === 0
      ? literal('No standings published.')
      : fitLines(
          rows.length,
          (i) => standingsRowLine(model, table, rows[i] as StandingsRow),
          room,
          (left) => md`… and ${left} more rows (/driver finds anyone)`,
        );
  return {
    title: md`${className(model, table.classId)} — ${safe(model.name)}`,
    description: note ? md`${body}\n\n${note}` : body,
    color: COLOURS.standings,
    footer: sourceFooter(model),
  };
}
