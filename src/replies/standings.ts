import type { APIEmbed } from 'discord-api-types/v10';
import type { SeasonModel, StandingsColumn, StandingsRow, StandingsTable } from '../season/model.js';
import type { Cell } from '../season/schema.js';
import { COLOURS, className, sourceFooter, teamName, withoutCode, writtenPersonWithFlag } from './common.js';
import { fitLines, LIMITS } from './limits.js';
import { memoForModel } from './memo.js';
import { positionLabel, safe } from './text.js';

export function cellText(cell: Cell): string {
  return cell === null ? '–' : String(cell);
}

/**
 * Cells of one row grouped by round, as printed: "MNZ 7 · SIL Ret · SPA 3/2/Ret · NÜR 2". Spa's three
 * stages share one label; rounds without any published cell show "–".
 */
export function formatRowCells(columns: readonly StandingsColumn[], cells: readonly Cell[]): string {
  const groups: { label: string; values: string[] }[] = [];
  columns.forEach((column, i) => {
    const last = groups.at(-1);
    const value = cellText(cells[i] ?? null);
    if (last && columns[i - 1]?.round === column.round) last.values.push(value);
    else groups.push({ label: column.label, values: [value] });
  });
  return groups.map((g) => `${g.label} ${g.values.join('/')}`).join(' · ');
}

export function standingsRowLine(model: SeasonModel, table: StandingsTable, row: StandingsRow): string {
  const names = row.drivers.map((d) => writtenPersonWithFlag(model, d)).join(', ');
  const team = row.teamAsWritten
    ? ` · ${safe(withoutCode(row.teamAsWritten))}`
    : row.teamId
      ? ` · ${safe(teamName(model, row.teamId))}`
      : '';
  const head = `\`${positionLabel(row.position, row.tied).padStart(3)}\` ${names}${team} — **${row.points}**`;
  if (row.cells === null) return head;
  return `${head}\n\u2003${formatRowCells(table.columns, row.cells)}`;
}

function legend(table: StandingsTable): string | null {
  if (table.columns.length === 0)
    return 'Published totals only; no per-round results were published for this class.';
  const spa = table.columns.filter((c) => c.sublabel).map((c) => c.sublabel);
  const meaning =
    table.cellsMeaning === 'overall-positions'
      ? 'Cells are overall finishing positions as published (not class positions)'
      : 'Cells are class finishing positions';
  const stages = spa.length > 0 ? `; a round with several cells shows them after ${spa.join(' / ')}` : '';
  return `${meaning}${stages}. Ret = retired, – = no result published. "=" marks a shared position.`;
}

export function buildStandingsEmbed(model: SeasonModel, table: StandingsTable): APIEmbed {
  return memoForModel(model, `standings:${table.classId}`, () => standingsEmbed(model, table));
}

function standingsEmbed(model: SeasonModel, table: StandingsTable): APIEmbed {
  const note = legend(table);
  const room = LIMITS.description - (note ? note.length + 2 : 0);
  const rows = table.rows;
  const body =
    rows.length === 0
      ? 'No standings published.'
      : fitLines(
          rows.length,
          (i) => standingsRowLine(model, table, rows[i] as StandingsRow),
          room,
          (left) => `… and ${left} more rows (/driver finds anyone)`,
        );
  return {
    title: `${className(model, table.classId)} — ${model.name}`,
    description: note ? `${body}\n\n${note}` : body,
    color: COLOURS.standings,
    footer: sourceFooter(model),
  };
}
