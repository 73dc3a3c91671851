import type { APIEmbed } from 'discord-api-types/v10';
import type { Round, SeasonModel } from '../season/model.js';
import { FORMAT_LABEL } from '../season/round-time.js';
import { COLOURS, className, discordDate, sourceFooter, writtenPersonWithFlag } from './common.js';
import { memoForModel } from './memo.js';
import { roundPlace, winnerFieldsWithNotes } from './results.js';

/**
 * The post-race card: the same for /recap and for the automatic announcement. Only published figures: class
 * winners with crews; after the final round, the published champions of each class; otherwise the next round.
 */
export function buildRecapEmbed(model: SeasonModel, round: Round): APIEmbed {
  return memoForModel(model, `recap:${round.round}`, () => recapEmbed(model, round));
}

function recapEmbed(model: SeasonModel, round: Round): APIEmbed {
  const results = model.results.get(round.round);
  const fields = winnerFieldsWithNotes(model, results);
  const isLast = round.round === model.rounds.length;
  if (isLast) {
    for (const c of model.classes) {
      const table = model.standings.get(c.id);
      const leaders = table?.rows.filter((r) => r.position === table.rows[0]?.position) ?? [];
      if (leaders.length === 0) continue;
      const value = leaders
        .map(
          (r) =>
            `${r.drivers.map((d) => writtenPersonWithFlag(model, d)).join(', ')} — **${r.points} points**`,
        )
        .join('\n');
      fields.push({
        name: `${className(model, c.id)} champion${leaders.length > 1 ? 's (tied)' : ''}`,
        value,
      });
    }
  } else {
    const next = model.rounds[round.round];
    if (next)
      fields.push({
        name: 'Next round',
        value: `Round ${next.round} · ${roundPlace(next)} · ${discordDate(next)}`,
      });
  }
  return {
    title: `Round ${round.round} recap · ${round.event ?? round.short_name}`,
    description: [
      roundPlace(round),
      `${discordDate(round)} · ${FORMAT_LABEL[round.format]} · round ${round.round} of ${model.rounds.length}`,
      isLast
        ? 'Final round: the standings below are the published final tables.'
        : 'Standings after this round were not published; /standings shows the final tables.',
    ].join('\n'),
    color: COLOURS.recap,
    fields,
    footer: sourceFooter(model),
  };
}
