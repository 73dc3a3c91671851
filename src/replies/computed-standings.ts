import type { ComputedStandings } from '../season/computed-table.js';
import type { SeasonModel, StandingsRow } from '../season/model.js';
import { COLOURS, className, sourceFooter } from './common.js';
import { LIMITS } from './limits.js';
import { memoForModel } from './memo.js';
import { literal, md, type SafeEmbed, type SafeText, safe } from './safe-text.js';
import { pagedRows, type StandingsPage, standingsRowLine } from './standings.js';

/** ▲2 / ▼1 / – since the previous round; `new` for a row not in the previous table. */
export function movementText(current: number, previous: number | null, afterRound: number): SafeText {
  if (afterRound <= 1) return literal('');
  if (previous === null) return literal(' new');
  if (previous === current) return literal(' –');
  return previous > current ? md` ▲${previous - current}` : md` ▼${current - previous}`;
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
  return memoForModel(model, `computed-standings:${table.classId}:${asked ?? 1}`, () => {
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
      footer: sourceFooter(model),
    };
    return { embed, page: paged.page, pages: paged.pages };
  });
}
