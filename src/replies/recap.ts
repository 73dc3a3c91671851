import { liveRecapContent } from '../announce/recap-facts.js';
import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
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
import { joinSafe, md, type SafeEmbed, safe } from './safe-text.js';

/**
 * The post-race card: the same for /recap and for the automatic announcement. Only published figures: class
 * winners with crews; after the final round, the published champions of each class; otherwise the next round.
 */
export function buildRecapEmbed(model: SeasonModel, round: Round, locale: Locale): SafeEmbed {
  return memoForModel(model, `recap:${locale}:${round.round}`, () => {
    // A round with classifications (a live season) gets podiums and computed tables instead.
    const live = liveRecapContent(model, round);
    return live ? buildLiveRecapEmbed(model, round, live.recap, locale) : recapEmbed(model, round, locale);
  });
}

function recapEmbed(model: SeasonModel, round: Round, locale: Locale): SafeEmbed {
  const results = model.results.get(round.round);
  const fields = winnerFieldsWithNotes(model, results, locale);
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
            )} — ${t(locale, 'replies.recap.championPoints', { points: r.points })}`,
        ),
        '\n',
      );
      fields.push({
        name: t(locale, 'replies.recap.champion', { class: className(model, c.id), count: leaders.length }),
        value,
      });
    }
  } else {
    const next = model.rounds[round.round];
    if (next)
      fields.push({
        name: t(locale, 'replies.recap.nextRound'),
        value: t(locale, 'replies.recap.nextValue', {
          round: next.round,
          place: roundPlace(next, locale),
          date: discordDate(next),
        }),
      });
  }
  return {
    title: t(locale, 'replies.recap.title', {
      round: round.round,
      event: safe(round.event ?? round.short_name),
    }),
    description: joinSafe(
      [
        roundPlace(round, locale),
        t(locale, 'replies.recap.when', {
          date: discordDate(round),
          format: formatLabel(round.format, locale),
          round: round.round,
          count: model.rounds.length,
        }),
        isLast ? t(locale, 'replies.recap.final') : t(locale, 'replies.recap.notAfter'),
      ],
      '\n',
    ),
    color: COLOURS.recap,
    fields,
    footer: sourceFooter(model, locale),
  };
}
