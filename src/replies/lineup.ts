import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Entry, SeasonModel, Winner } from '../season/model.js';
import { entryRounds } from '../season/queries.js';
import { COLOURS, className, roundLabel, sourceFooter, teamWithFlag } from './common.js';
import { describeDriver, entryHeading, entryRoundsSummary, evidenceNotes, roundsPhrase } from './entries.js';
import { memoForModel } from './memo.js';
import { safe } from './text.js';

function entryField(model: SeasonModel, entry: Entry): APIEmbedField {
  const drivers = entry.drivers.map((d) => `• ${describeDriver(model, d)}`);
  const model_ = entry.carModel ? `Car: ${safe(entry.carModel)} (as printed in a rounds cell)\n` : '';
  return {
    name: entryHeading(model, entry),
    value: `${model_}${entryRoundsSummary(model, entry)}\n${drivers.join('\n')}`,
  };
}

function winsLine(model: SeasonModel, wins: readonly Winner[]): string {
  return wins
    .map((w) => {
      const round = model.rounds[w.round - 1];
      return `${round ? roundLabel(round) : `R${w.round}`}: ${className(model, w.classId)} win, #${w.car} ${teamWithFlag(model, w.teamId)}`;
    })
    .join('\n');
}

/** How a car number moved across classes and teams during the season, from published round lists. */
export function classChanges(model: SeasonModel, entries: readonly Entry[]): string | null {
  if (entries.length < 2) return null;
  // In calendar order: by the first round each entry is known to have run.
  const ordered = [...entries].sort(
    (a, b) => (entryRounds(a).rounds[0] ?? 99) - (entryRounds(b).rounds[0] ?? 99),
  );
  const parts = ordered.map((e) => {
    const { rounds } = entryRounds(e);
    const when = rounds.length > 0 ? roundsPhrase(rounds, Number.MAX_SAFE_INTEGER) : 'rounds not published';
    return `${className(model, e.classId)} with ${safe(model.teams.get(e.teamId)?.name ?? e.teamId)} (${when})`;
  });
  return parts.join(' → ');
}

export function buildCarLineupEmbed(
  model: SeasonModel,
  car: number,
  entries: readonly Entry[],
  wins: readonly Winner[],
): APIEmbed {
  return memoForModel(model, `car:${car}`, () => carLineupEmbed(model, car, entries, wins));
}

function carLineupEmbed(
  model: SeasonModel,
  car: number,
  entries: readonly Entry[],
  wins: readonly Winner[],
): APIEmbed {
  const fields = entries.map((e) => entryField(model, e));
  const changes = classChanges(model, entries);
  const description: string[] = [];
  if (changes) description.push(`Car #${car} ran as: ${changes}.`);
  if (wins.length > 0) fields.push({ name: 'Class wins under this number', value: winsLine(model, wins) });
  const notes = [...evidenceNotes(entries), ...wins.filter((w) => w.note).map((w) => safe(w.note as string))];
  if (notes.length > 0) fields.push({ name: 'Sources for lost cells and notes', value: notes.join('\n') });
  if (entries.length === 0) description.push(`No entry used #${car}; only the results mention it.`);
  return {
    title: `Car #${car} — ${model.name}`,
    description: description.join('\n') || undefined,
    color: COLOURS.results,
    fields,
    footer: sourceFooter(model),
  };
}

export function buildTeamLineupEmbed(
  model: SeasonModel,
  teamId: string,
  entries: readonly Entry[],
  wins: readonly Winner[],
): APIEmbed {
  return memoForModel(model, `team:${teamId}`, () => teamLineupEmbed(model, teamId, entries, wins));
}

function teamLineupEmbed(
  model: SeasonModel,
  teamId: string,
  entries: readonly Entry[],
  wins: readonly Winner[],
): APIEmbed {
  const team = model.teams.get(teamId);
  const fields = entries.map((e) => entryField(model, e));
  if (wins.length > 0) fields.push({ name: 'Class wins', value: winsLine(model, wins) });
  const notes = evidenceNotes(entries);
  if (notes.length > 0) fields.push({ name: 'Sources for lost cells', value: notes.join('\n') });
  const about = [
    team?.aliases.length ? `Also written: ${team.aliases.map(safe).join(', ')}` : null,
    team?.note ? safe(team.note) : null,
    entries.length === 0 ? 'No entries.' : `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}.`,
  ].filter((l): l is string => l !== null);
  return {
    title: `${teamWithFlag(model, teamId)} — ${model.name}`,
    description: about.join('\n'),
    color: COLOURS.results,
    fields,
    footer: sourceFooter(model),
  };
}
