import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { Round, RoundResults, SeasonModel, Winner } from '../season/model.js';
import { classificationFields } from './classification.js';
import {
  COLOURS,
  className,
  discordDate,
  formatLabel,
  sourceFooter,
  teamWithFlag,
  writtenPersonWithFlag,
} from './common.js';
import { LIMITS } from './limits.js';
import { memoForModel } from './memo.js';
import { bold, joinSafe, md, type SafeEmbed, type SafeEmbedField, type SafeText, safe } from './safe-text.js';
import { countryName, flag } from './text.js';

/** "Total 24 Hours of Spa · Circuit de Spa-Francorchamps, Belgium" */
export function roundPlace(round: Round, locale: Locale): SafeText {
  // Circuits and towns as published; the country in the reader's language (English: as the data writes it).
  const country = locale === 'en' ? round.country.name : countryName(round.country.iso, locale);
  const where = safe([round.circuit, round.location, country].filter(Boolean).join(', '));
  return round.event
    ? md`${flag(round.country.iso)} ${safe(round.event)} · ${where}`
    : md`${flag(round.country.iso)} ${where}`;
}

export function winnerLines(model: SeasonModel, winner: Winner): SafeText {
  const crew = joinSafe(
    winner.crew.map((c) => writtenPersonWithFlag(model, c)),
    ', ',
  );
  return md`${bold(md`#${winner.car}`)} ${teamWithFlag(model, winner.teamId)}\n${crew}`;
}

export function winnerFields(
  model: SeasonModel,
  results: RoundResults | undefined,
  locale: Locale,
): SafeEmbedField[] {
  return model.classes.map((c) => {
    const winner = results?.winners.find((w) => w.classId === c.id);
    return {
      name: t(locale, 'replies.results.winner', { class: className(model, c.id) }),
      value: winner ? winnerLines(model, winner) : t(locale, 'replies.results.notPublished'),
    };
  });
}

/** The class winners, then a "Note" field when a winner carries one (e.g. a car number as printed). */
export function winnerFieldsWithNotes(
  model: SeasonModel,
  results: RoundResults | undefined,
  locale: Locale,
): SafeEmbedField[] {
  const fields = winnerFields(model, results, locale);
  const notes = winnerNotes(results?.winners ?? []);
  if (notes.length > 0)
    fields.push({ name: t(locale, 'replies.results.note'), value: joinSafe(notes, '\n') });
  return fields;
}

/** Notes the data attaches to winners (e.g. a car number as printed), made safe. */
export function winnerNotes(winners: readonly Winner[]): SafeText[] {
  return winners.filter((w) => w.note).map((w) => safe(w.note as string));
}

export function buildResultsEmbed(model: SeasonModel, round: Round, locale: Locale): SafeEmbed {
  return memoForModel(model, `results:${locale}:${round.round}`, () => resultsEmbed(model, round, locale));
}

function resultsEmbed(model: SeasonModel, round: Round, locale: Locale): SafeEmbed {
  const results = model.results.get(round.round);
  const classified = classificationFields(model, round, locale);
  const fields = [...winnerFieldsWithNotes(model, results, locale), ...classified].slice(0, LIMITS.fields);
  return {
    title: t(locale, 'replies.results.title', { round: round.round, name: safe(round.short_name) }),
    description: joinSafe(
      [
        roundPlace(round, locale),
        md`${discordDate(round)} · ${formatLabel(round.format, locale)}`,
        classified.length > 0
          ? t(locale, 'replies.results.withClassification')
          : results
            ? t(locale, 'replies.results.winnersOnly')
            : t(locale, 'replies.results.none'),
      ],
      '\n',
    ),
    color: COLOURS.results,
    fields,
    footer: sourceFooter(model, locale),
  };
}
