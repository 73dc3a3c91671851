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
import {
  bold,
  joinSafe,
  literal,
  md,
  type SafeEmbed,
  type SafeEmbedField,
  type SafeText,
  safe,
} from './safe-text.js';
import { flag } from './text.js';

/** "Total 24 Hours of Spa · Circuit de Spa-Francorchamps, Belgium" */
export function roundPlace(round: Round): SafeText {
  const where = safe([round.circuit, round.location, round.country.name].filter(Boolean).join(', '));
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

export function winnerFields(model: SeasonModel, results: RoundResults | undefined): SafeEmbedField[] {
  return model.classes.map((c) => {
    const winner = results?.winners.find((w) => w.classId === c.id);
    return {
      name: md`${className(model, c.id)} winner`,
      value: winner ? winnerLines(model, winner) : literal('Not published.'),
    };
  });
}

/** The class winners, then a "Note" field when a winner carries one (e.g. a car number as printed). */
export function winnerFieldsWithNotes(
  model: SeasonModel,
  results: RoundResults | undefined,
): SafeEmbedField[] {
  const fields = winnerFields(model, results);
  const notes = winnerNotes(results?.winners ?? []);
  if (notes.length > 0) fields.push({ name: literal('Note'), value: joinSafe(notes, '\n') });
  return fields;
}

/** Notes the data attaches to winners (e.g. a car number as printed), made safe. */
export function winnerNotes(winners: readonly Winner[]): SafeText[] {
  return winners.filter((w) => w.note).map((w) => safe(w.note as string));
}

export function buildResultsEmbed(model: SeasonModel, round: Round): SafeEmbed {
  return memoForModel(model, `results:${round.round}`, () => resultsEmbed(model, round));
}

function resultsEmbed(model: SeasonModel, round: Round): SafeEmbed {
  const results = model.results.get(round.round);
  const classified = classificationFields(model, round);
  const fields = [...winnerFieldsWithNotes(model, results), ...classified].slice(0, LIMITS.fields);
  return {
    title: md`Round ${round.round} · ${safe(round.short_name)}`,
    description: joinSafe(
      [
        roundPlace(round),
        md`${discordDate(round)} · ${formatLabel(round.format)}`,
        classified.length > 0
          ? literal('Class winners, then each class classification from the round results.')
          : results
            ? literal('Class winners as published; full finishing orders are not in the source.')
            : literal('No results published for this round.'),
      ],
      '\n',
    ),
    color: COLOURS.results,
    fields,
    footer: sourceFooter(model, 'en'),
  };
}
