import type { ComputedStandings } from '../season/computed-table.js';
import type { SeasonModel, StandingsRow } from '../season/model.js';
import type { ComputedTable } from '../season/standings-engine.js';
import { COLOURS, className, sourceFooter } from './common.js';
import { LIMITS } from './limits.js';
import { memoForModel } from './memo.js';
import { literal, md, type SafeEmbed, type SafeText, safe } from './safe-text.js';
import { pagedRows, type StandingsPage, standingsRowLine } from './standings.js';

/** ▲2 / ▼1 / – since the previous round; `new` for a row not in the previous table; '' after round 1. */
export function movementMark(current: number, previous: number | null, afterRound: number): string {
  if (afterRound <= 1) return '';
  if (previous === null) return 'new';
  if (previous === current) return '–';
  return previous > current ? `▲${previous - current}` : `▼${current - previous}`;
}

/** The movement mark as it follows a row's total in text: a space, then the mark. */
export function movementText(current: number, previous: number | null, afterRound: number): SafeText {
  const mark = movementMark(current, previous, afterRound);
  return mark ? md` ${safe(mark)}` : literal('');
}

/** Each row's movement mark, in table order (the picture prints them next to the totals). */
export function movementMarks(computed: ComputedTable): string[] {
  return computed.rows.map((row) => movementMark(row.position, row.previousPosition, computed.afterRound));
}

/**
 * A class table computed from the round classifications (no table is published for the class), labelled
 * as computed, with each row's movement since the previous round.
 */
export function buildComputedStandingsEmbed(model: SeasonModel, standings: ComputedStandings): SafeEmbed {
  return buildComputedStandingsPage(model, standings, null).embed;
}

export function buildComputedStandingsPage(
  model: SeasonModel,
  standings: ComputedStandings,
  asked: number | null,
): StandingsPage {
  const { table, computed } = standings;
  return memoForModel(
    model,
    `computed-standings:${table.classId}:${computed.afterRound}:${asked ?? 1}`,
    () => {
      const round = model.rounds[computed.afterRound - 1];
      const note = md`Computed from the round classifications after round ${computed.afterRound}${round ? md` (${safe(round.short_name)})` : literal('')}; nothing is published for this class. Cells are class positions (several for a round scored at several stages). ▲▼ = places gained or lost since the previous round; "=" marks a shared position.`;
      const rows = table.rows;
      const line = (i: number) => {
        const row = rows[i] as StandingsRow;
        const move = movementText(
          row.position,
          computed.rows[i]?.previousPosition ?? null,
          computed.afterRound,
        );
        return standingsRowLine(model, table, row, move);
      };
      const paged =
        rows.length === 0
          ? { body: literal('No driver has scored yet.'), page: 1, pages: 1 }
          : pagedRows(
              model,
              `computed-standings:${table.classId}`,
              rows.length,
              line,
              LIMITS.description - note.length - 2,
              asked,
            );
      const embed: SafeEmbed = {
        title: md`${className(model, table.classId)} — ${safe(model.name)} (computed)`,
        description: md`${paged.body}\n\n${note}`,
        color: COLOURS.standings,
        footer: sourceFooter(model, 'en'),
      };
      return { embed, page: paged.page, pages: paged.pages };
    },
  );
}
