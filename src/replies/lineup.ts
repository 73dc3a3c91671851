import type { Entry, SeasonModel, Winner } from '../season/model.js';
import { entryRounds } from '../season/queries.js';
import { COLOURS, className, roundLabel, sourceFooter, teamWithFlag } from './common.js';
import { describeDriver, entryHeading, entryRoundsSummary, evidenceNotes, roundsPhrase } from './entries.js';
import { memoForModel } from './memo.js';
import { winnerNotes } from './results.js';
import {
  joinSafe,
  literal,
  md,
  type SafeEmbed,
  type SafeEmbedField,
  type SafeText,
  safe,
} from './safe-text.js';

function entryField(model: SeasonModel, entry: Entry): SafeEmbedField {
  const drivers = entry.drivers.map((d) => md`• ${describeDriver(model, d, 'en')}`);
  const carModel = entry.carModel
    ? md`Car: ${safe(entry.carModel)} (as printed in a rounds cell)\n`
    : literal('');
  return {
    name: entryHeading(model, entry),
    value: md`${carModel}${entryRoundsSummary(model, entry, 'en')}\n${joinSafe(drivers, '\n')}`,
  };
}

function winsLine(model: SeasonModel, wins: readonly Winner[]): SafeText {
  return joinSafe(
    wins.map((w) => {
      const round = model.rounds[w.round - 1];
      return md`${round ? roundLabel(round) : md`R${w.round}`}: ${className(model, w.classId)} win, #${w.car} ${teamWithFlag(model, w.teamId)}`;
    }),
    '\n',
  );
}

/** How a car number moved across classes and teams during the season, from published round lists. */
export function classChanges(model: SeasonModel, entries: readonly Entry[]): SafeText | null {
  if (entries.length < 2) return null;
  // In calendar order: by the first round each entry is known to have run.
  const ordered = [...entries].sort(
    (a, b) => (entryRounds(a).rounds[0] ?? 99) - (entryRounds(b).rounds[0] ?? 99),
  );
  const parts = ordered.map((e) => {
    const { rounds } = entryRounds(e);
    const when =
      rounds.length > 0
        ? roundsPhrase(rounds, Number.MAX_SAFE_INTEGER, 'en')
        : literal('rounds not published');
    return md`${className(model, e.classId)} with ${safe(model.teams.get(e.teamId)?.name ?? e.teamId)} (${when})`;
  });
  return joinSafe(parts, ' → ');
}

export function buildCarLineupEmbed(
  model: SeasonModel,
  car: number,
  entries: readonly Entry[],
  wins: readonly Winner[],
): SafeEmbed {
  return memoForModel(model, `car:${car}`, () => carLineupEmbed(model, car, entries, wins));
}

function carLineupEmbed(
  model: SeasonModel,
  car: number,
  entries: readonly Entry[],
  wins: readonly Winner[],
): SafeEmbed {
  const fields = entries.map((e) => entryField(model, e));
  const changes = classChanges(model, entries);
  const description: SafeText[] = [];
  if (changes) description.push(md`Car #${car} ran as: ${changes}.`);
  if (wins.length > 0)
    fields.push({ name: literal('Class wins under this number'), value: winsLine(model, wins) });
  const notes = [...evidenceNotes(entries), ...winnerNotes(wins)];
  if (notes.length > 0)
    fields.push({ name: literal('Sources for lost cells and notes'), value: joinSafe(notes, '\n') });
  if (entries.length === 0) description.push(md`No entry used #${car}; only the results mention it.`);
  return {
    title: md`Car #${car} — ${safe(model.name)}`,
    description: description.length > 0 ? joinSafe(description, '\n') : undefined,
    color: COLOURS.results,
    fields,
    footer: sourceFooter(model, 'en'),
  };
}

export function buildTeamLineupEmbed(
  model: SeasonModel,
  teamId: string,
  entries: readonly Entry[],
  wins: readonly Winner[],
): SafeEmbed {
  return memoForModel(model, `team:${teamId}`, () => teamLineupEmbed(model, teamId, entries, wins));
}

function teamLineupEmbed(
  model: SeasonModel,
  teamId: string,
  entries: readonly Entry[],
  wins: readonly Winner[],
): SafeEmbed {
  const team = model.teams.get(teamId);
  const fields = entries.map((e) => entryField(model, e));
  if (wins.length > 0) fields.push({ name: literal('Class wins'), value: winsLine(model, wins) });
  const notes = evidenceNotes(entries);
  if (notes.length > 0)
    fields.push({ name: literal('Sources for lost cells'), value: joinSafe(notes, '\n') });
  const count = entries.length === 1 ? literal('entry') : literal('entries');
  const about = [
    team?.aliases.length ? md`Also written: ${joinSafe(team.aliases.map(safe), ', ')}` : null,
    team?.note ? safe(team.note) : null,
    entries.length === 0 ? literal('No entries.') : md`${entries.length} ${count}.`,
  ].filter((l): l is SafeText => l !== null);
  return {
    title: md`${teamWithFlag(model, teamId)} — ${safe(model.name)}`,
    description: joinSafe(about, '\n'),
    color: COLOURS.results,
    fields,
    footer: sourceFooter(model, 'en'),
  };
}
