import type { APIEmbed } from 'discord-api-types/v10';
import type { ComputedStandings } from '../season/computed-table.js';
import type { SeasonModel, StandingsRow } from '../season/model.js';
import { COLOURS, className, sourceFooter } from './common.js';
import { fitLines, LIMITS } from './limits.js';
import { memoForModel } from './memo.js';
import { standingsRowLine } from './standings.js';

/** ▲2 / ▼1 / – since the previous round; `new` for a row not in the previous table. */
export function movementText(current: number, previous: number | null, afterRound: number): string {
  if (afterRound <= 1) return '';
  if (previous === null) return ' new';
  if (previous === current) return ' –';
  return previous > current ? ` ▲${previous - current}` : ` ▼${current - previous}`;
}

/**
 * A class table computed from the round classifications (no table is published for the class), labelled
 * as computed, with each row's movement since the previous round.
 */
export function buildComputedStandingsEmbed(model: SeasonModel, standings: ComputedStandings): APIEmbed {
  const { table, computed } = standings;
  return memoForModel(model, `computed-standings:${table.classId}`, () => {
    const round = model.rounds[computed.afterRound - 1];
    const note =
      `Computed from the round classifications after round ${computed.afterRound}` +
      `${round ? ` (${round.short_name})` : ''}; nothing is published for this class. Cells are class positions ` +
      '(several for a round scored at several stages). ▲▼ = places gained or lost since the previous round; ' +
      '"=" marks a shared position.';
    const rows = table.rows;
    const line = (i: number) => {
      const row = rows[i] as StandingsRow;
      const move = movementText(
        row.position,
        computed.rows[i]?.previousPosition ?? null,
        computed.afterRound,
      );
      const [head, cells] = standingsRowLine(model, table, row).split('\n');
      return `${head}${move}${cells ? `\n${cells}` : ''}`;
    };
    const body =
      rows.length === 0
        ? 'No driver has scored yet.'
        : fitLines(
            rows.length,
            line,
            LIMITS.description - note.length - 2,
            (left) => `… and ${left} more rows (/driver finds anyone)`,
          );
    return {
      title: `${className(model, table.classId)} — ${model.name} (computed)`,
      description: `${body}\n\n${note}`,
      color: COLOURS.standings,
      footer: sourceFooter(model),
    };
  });
}
