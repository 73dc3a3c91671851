import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
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

function entryField(model: SeasonModel, entry: Entry, locale: Locale): SafeEmbedField {
  const drivers = entry.drivers.map((d) => md`• ${describeDriver(model, d, locale)}`);
  const carModel = entry.carModel
    ? md`${t(locale, 'replies.lineup.carModel', { model: safe(entry.carModel) })}\n`
    : literal('');
  return {
    name: entryHeading(model, entry),
    value: md`${carModel}${entryRoundsSummary(model, entry, locale)}\n${joinSafe(drivers, '\n')}`,
  };
}

function winsLine(model: SeasonModel, wins: readonly Winner[], locale: Locale): SafeText {
  return joinSafe(
    wins.map((w) => {
      const round = model.rounds[w.round - 1];
      return t(locale, 'replies.lineup.classWin', {
        round: round ? roundLabel(round) : md`R${w.round}`,
        class: className(model, w.classId),
        car: w.car,
        team: teamWithFlag(model, w.teamId),
      });
    }),
    '\n',
  );
}

/** How a car number moved across classes and teams during the season, from published round lists. */
export function classChanges(model: SeasonModel, entries: readonly Entry[], locale: Locale): SafeText | null {
  if (entries.length < 2) return null;
  // In calendar order: by the first round each entry is known to have run.
  const ordered = [...entries].sort(
    (a, b) => (entryRounds(a).rounds[0] ?? 99) - (entryRounds(b).rounds[0] ?? 99),
  );
  const parts = ordered.map((e) => {
    const { rounds } = entryRounds(e);
    const when =
      rounds.length > 0
        ? roundsPhrase(rounds, Number.MAX_SAFE_INTEGER, locale)
        : t(locale, 'replies.entries.notPublished', { cell: literal('') });
    return t(locale, 'replies.lineup.change', {
      class: className(model, e.classId),
      team: safe(model.teams.get(e.teamId)?.name ?? e.teamId),
      when,
    });
  });
  return joinSafe(parts, ' → ');
}

export function buildCarLineupEmbed(
  model: SeasonModel,
  car: number,
  entries: readonly Entry[],
  wins: readonly Winner[],
  locale: Locale,
): SafeEmbed {
  return memoForModel(model, `car:${locale}:${car}`, () => carLineupEmbed(model, car, entries, wins, locale));
}

function carLineupEmbed(
  model: SeasonModel,
  car: number,
  entries: readonly Entry[],
  wins: readonly Winner[],
  locale: Locale,
): SafeEmbed {
  const fields = entries.map((e) => entryField(model, e, locale));
  const changes = classChanges(model, entries, locale);
  const description: SafeText[] = [];
  if (changes) description.push(t(locale, 'replies.lineup.ranAs', { car, changes }));
  if (wins.length > 0)
    fields.push({ name: t(locale, 'replies.lineup.carWins'), value: winsLine(model, wins, locale) });
  const notes = [...evidenceNotes(entries), ...winnerNotes(wins)];
  if (notes.length > 0)
    fields.push({ name: t(locale, 'replies.lineup.sourcesAndNotes'), value: joinSafe(notes, '\n') });
  if (entries.length === 0) description.push(t(locale, 'replies.lineup.onlyResults', { car }));
  return {
    title: t(locale, 'replies.lineup.carTitle', { car, season: safe(model.name) }),
    description: description.length > 0 ? joinSafe(description, '\n') : undefined,
    color: COLOURS.results,
    fields,
    footer: sourceFooter(model, locale),
  };
}

export function buildTeamLineupEmbed(
  model: SeasonModel,
  teamId: string,
  entries: readonly Entry[],
  wins: readonly Winner[],
  locale: Locale,
): SafeEmbed {
  return memoForModel(model, `team:${locale}:${teamId}`, () =>
    teamLineupEmbed(model, teamId, entries, wins, locale),
  );
}

function teamLineupEmbed(
  model: SeasonModel,
  teamId: string,
  entries: readonly Entry[],
  wins: readonly Winner[],
  locale: Locale,
): SafeEmbed {
  const team = model.teams.get(teamId);
  const fields = entries.map((e) => entryField(model, e, locale));
  if (wins.length > 0)
    fields.push({ name: t(locale, 'replies.lineup.classWins'), value: winsLine(model, wins, locale) });
  const notes = evidenceNotes(entries);
  if (notes.length > 0)
    fields.push({ name: t(locale, 'replies.lineup.sources'), value: joinSafe(notes, '\n') });
  const about = [
    team?.aliases.length
      ? t(locale, 'replies.lineup.alsoWritten', { names: joinSafe(team.aliases.map(safe), ', ') })
      : null,
    team?.note ? safe(team.note) : null,
    t(locale, 'replies.lineup.entryCount', { count: entries.length }),
  ].filter((l): l is SafeText => l !== null);
  return {
    title: md`${teamWithFlag(model, teamId)} — ${safe(model.name)}`,
    description: joinSafe(about, '\n'),
    color: COLOURS.results,
    fields,
    footer: sourceFooter(model, locale),
  };
}
