import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { Entry, EntryDriver, SeasonModel } from '../season/model.js';
import { entryRounds } from '../season/queries.js';
import { formatRounds } from '../season/rounds-text.js';
import { className, personWithFlag, teamWithFlag } from './common.js';
import { italic, literal, md, type SafeText, safe } from './safe-text.js';
import { flag } from './text.js';

/** "all rounds", "round 4", "rounds 1–3, 5" (keeping the printed text when given). */
export function roundsPhrase(
  rounds: readonly number[],
  roundCount: number,
  locale: Locale,
  printed?: string | null,
): SafeText {
  const text = safe(printed ?? formatRounds(rounds, roundCount));
  if (text === 'All') return t(locale, 'replies.entries.allRounds');
  return t(locale, 'replies.entries.rounds', { count: rounds.length, text });
}

/**
 * "rounds 1–3, 5" / "all rounds" / "rounds not published (…)" for one entry-list line. `seen` are rounds the
 * results or standings show this person racing that no published round list explains: said in the same
 * breath, so "not published" and "seen in round 3" read as one fact.
 */
export function describeDriverRounds(
  model: SeasonModel,
  driver: EntryDriver,
  locale: Locale,
  seen: readonly number[] = [],
): SafeText {
  const count = model.rounds.length;
  if (driver.rounds !== null) return roundsPhrase(driver.rounds, count, locale, driver.roundsText);
  const linked = driver.linked?.rounds;
  const cell = driver.roundsCell
    ? t(locale, 'replies.entries.cellReads', { cell: safe(driver.roundsCell) })
    : literal('');
  if (linked)
    return t(locale, 'replies.entries.notPublishedOtherTables', {
      cell,
      rounds: roundsPhrase(linked, count, locale),
    });
  if (seen.length > 0)
    return t(locale, 'replies.entries.notPublishedSeen', { cell, rounds: roundsPhrase(seen, count, locale) });
  return t(locale, 'replies.entries.notPublished', { cell });
}

/**
 * A person on an entry line, as that line prints them: where the entry list spells the name differently
 * from the merged person, the printed spelling is shown and the merge is said.
 */
export function entryPersonName(
  model: SeasonModel,
  driver: EntryDriver & { personId: string },
  locale: Locale,
): SafeText {
  const person = model.people.get(driver.personId);
  if (!person || driver.asWritten === null || driver.asWritten === person.name)
    return personWithFlag(model, driver.personId);
  const asPrinted = t(locale, 'replies.entries.asPrinted', {
    written: safe(driver.asWritten),
    name: safe(person.name),
  });
  return md`${flag(person.nationality.iso)} ${asPrinted}`;
}

/** One driver line of an entry, marking names the entry list lost and where another table names them. */
export function describeDriver(model: SeasonModel, driver: EntryDriver, locale: Locale): SafeText {
  if (driver.personId !== null)
    return md`${entryPersonName(model, { ...driver, personId: driver.personId }, locale)} — ${describeDriverRounds(model, driver, locale)}`;
  if (driver.linked?.personId) {
    const rounds = driver.linked.rounds
      ? md` (${roundsPhrase(driver.linked.rounds, model.rounds.length, locale)})`
      : literal('');
    return t(locale, 'replies.entries.otherTablesName', {
      nameless: italic(t(locale, 'replies.entries.nameNotPublished')),
      person: personWithFlag(model, driver.linked.personId),
      rounds,
    });
  }
  return italic(t(locale, 'replies.entries.nameAndRoundsNotPublished'));
}

/**
 * The evidence for a lost cell, in the data's own words: the one place /lineup and /driver take it from, so
 * a link is never stated more strongly than its evidence ("suggestive, not proof").
 */
export function linkedEvidence(entry: Entry, driver: EntryDriver): SafeText | null {
  return driver.linked ? md`#${entry.car}: ${safe(driver.linked.evidence)}` : null;
}

/** "Pro Cup · #84 🇩🇪 HTP Motorsport" */
export function entryHeading(model: SeasonModel, entry: Entry): SafeText {
  return md`${className(model, entry.classId)} · #${entry.car} ${teamWithFlag(model, entry.teamId)}`;
}

export function entryRoundsSummary(model: SeasonModel, entry: Entry, locale: Locale): SafeText {
  const { rounds, complete } = entryRounds(entry);
  if (rounds.length === 0) return t(locale, 'replies.entries.notPublished', { cell: literal('') });
  const shown = roundsPhrase(rounds, model.rounds.length, locale);
  return complete ? shown : t(locale, 'replies.entries.someRoundsNotPublished', { rounds: shown });
}

/** The evidence notes of lost lines, by car number, for a "Sources" field. */
export function evidenceNotes(entries: readonly Entry[]): SafeText[] {
  const notes: SafeText[] = [];
  for (const entry of entries)
    for (const driver of entry.drivers) {
      const evidence = linkedEvidence(entry, driver);
      if (evidence) notes.push(evidence);
    }
  return notes;
}
