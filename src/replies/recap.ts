import { liveRecapContent } from '../announce/recap-facts.js';
import type { Round, SeasonModel } from '../season/model.js';
import {
  COLOURS,
  className,
  discordDate,
  formatLabel,
  sourceFooter,
  writtenPersonWithFlag,
} from './common.js';
import { buildLiveRecapEmbed } from './live-recap.js';
import { memoForModel } from './memo.js';
import { roundPlace, winnerFieldsWithNotes } from './results.js';
import { bold, joinSafe, literal, md, type SafeEmbed, safe } from './safe-text.js';

/**
 * The post-race card: the same for /recap and for the automatic announcement. Only published figures: class
 * winners with crews; after the final round, the published champions of each class; otherwise the next round.
 */
export function buildRecapEmbed(model: SeasonModel, round: Round): SafeEmbed {
  return memoForModel(model, `recap:${round.round}`, () => {
    // A round with classifications (a live season) gets podiums and computed tables instead.
    const live = liveRecapContent(model, round);
    return live ? buildLiveRecapEmbed(model, round, live.recap) : recapEmbed(model, round);
  });
}

function recapEmbed(model: SeasonModel, round: Round): SafeEmbed {
  const results = model.results.get(round.round);
  const fields = winnerFieldsWithNotes(model, results, 'en');
  const isLast = round.round === model.rounds.length;
  if (isLast) {
    for (const c of model.classes) {
      const table = model.standings.get(c.id);
      const leaders = table?.rows.filter((r) => r.position === table.rows[0]?.position) ?? [];
      if (leaders.length === 0) continue;
      const value = joinSafe(
        leaders.map(
          (r) =>
            md`${joinSafe(
              r.drivers.map((d) => writtenPersonWithFlag(model, d)),
              ', ',
            )} — ${bold(md`${r.points} points`)}`,
        ),
        '\n',
      );
      fields.push({
        name: md`${className(model, c.id)} ${literal(leaders.length > 1 ? 'champions (tied)' : 'champion')}`,
        value,
      });
    }
  } else {
    const next = model.rounds[round.round];
    if (next)
      fields.push({
        name: literal('Next round'),
        value: md`Round ${next.round} · ${roundPlace(next, 'en')} · ${discordDate(next)}`,
      });
  }
  return {
    title: md`Round ${round.round} recap · ${safe(round.event ?? round.short_name)}`,
    description: joinSafe(
      [
        roundPlace(round, 'en'),
        md`${discordDate(round)} · ${formatLabel(round.format, 'en')} · round ${round.round} of ${model.rounds.length}`,
        literal(
          isLast
            ? 'Final round: the standings below are the published final tables.'
            : 'Standings after this round were not published; /standings shows the final tables.',
        ),
      ],
      '\n',
    ),
    color: COLOURS.recap,
    fields,
    footer: sourceFooter(model, 'en'),
  };
}
