import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Round, RoundResults, SeasonModel, Winner } from '../season/model.js';
import { FORMAT_LABEL } from '../season/round-time.js';
import {
  COLOURS,
  className,
  discordDate,
  sourceFooter,
  teamWithFlag,
  writtenPersonWithFlag,
} from './common.js';
import { memoForModel } from './memo.js';
import { flag, safe } from './text.js';

/** "Total 24 Hours of Spa · Circuit de Spa-Francorchamps, Belgium" */
export function roundPlace(round: Round): string {
  const where = [round.circuit, round.location, round.country.name].filter(Boolean).join(', ');
  return `${flag(round.country.iso)} ${round.event ? `${safe(round.event)} · ` : ''}${safe(where)}`;
}

export function winnerLines(model: SeasonModel, winner: Winner): string {
  const crew = winner.crew.map((c) => writtenPersonWithFlag(model, c)).join(', ');
  return `**#${winner.car}** ${teamWithFlag(model, winner.teamId)}\n${crew}`;
}

export function winnerFields(model: SeasonModel, results: RoundResults | undefined): APIEmbedField[] {
  return model.classes.map((c) => {
    const winner = results?.winners.find((w) => w.classId === c.id);
    return {
      name: `${className(model, c.id)} winner`,
      value: winner ? winnerLines(model, winner) : 'Not published.',
    };
  });
}

/** The class winners, then a "Note" field when a winner carries one (e.g. a car number as printed). */
export function winnerFieldsWithNotes(
  model: SeasonModel,
  results: RoundResults | undefined,
): APIEmbedField[] {
  const fields = winnerFields(model, results);
  const notes = winnerNotes(results);
  if (notes.length > 0) fields.push({ name: 'Note', value: notes.join('\n') });
  return fields;
}

function winnerNotes(results: RoundResults | undefined): string[] {
  return (results?.winners ?? []).filter((w) => w.note).map((w) => safe(w.note as string));
}

export function buildResultsEmbed(model: SeasonModel, round: Round): APIEmbed {
  return memoForModel(model, `results:${round.round}`, () => resultsEmbed(model, round));
}

function resultsEmbed(model: SeasonModel, round: Round): APIEmbed {
  const results = model.results.get(round.round);
  const fields = winnerFieldsWithNotes(model, results);
  return {
    title: `Round ${round.round} · ${round.short_name}`,
    description: [
      roundPlace(round),
      `${discordDate(round)} · ${FORMAT_LABEL[round.format]}`,
      results
        ? 'Class winners as published; full finishing orders are not in the source.'
        : 'No results published for this round.',
    ].join('\n'),
    color: COLOURS.results,
    fields,
    footer: sourceFooter(model),
  };
}
