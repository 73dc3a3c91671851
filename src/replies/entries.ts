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
  printed?: string | null,
): SafeText {
  const text = safe(printed ?? formatRounds(rounds, roundCount));
  if (text === 'All') return literal('all rounds');
  return rounds.length === 1 ? md`round ${text}` : md`rounds ${text}`;
}

/**
 * "rounds 1–3, 5" / "all rounds" / "rounds not published (…)" for one entry-list line. `seen` are rounds the
 * results or standings show this person racing that no published round list explains: said in the same
 * breath, so "not published" and "seen in round 3" read as one fact.
 */
export function describeDriverRounds(
  model: SeasonModel,
  driver: EntryDriver,
  seen: readonly number[] = [],
): SafeText {
  if (driver.rounds !== null) return roundsPhrase(driver.rounds, model.rounds.length, driver.roundsText);
  const linked = driver.linked?.rounds;
  const cell = driver.roundsCell ? md` (the cell reads “${safe(driver.roundsCell)}”)` : literal('');
  if (linked)
    return md`rounds not published${cell}; other tables show ${roundsPhrase(linked, model.rounds.length)}`;
  if (seen.length > 0)
    return md`rounds not published${cell}; the results or standings show ${roundsPhrase(seen, model.rounds.length)}`;
  return md`rounds not published${cell}`;
}

/**
 * A person on an entry line, as that line prints them: where the entry list spells the name differently
 * from the merged person, the printed spelling is shown and the merge is said.
 */
export function entryPersonName(model: SeasonModel, driver: EntryDriver & { personId: string }): SafeText {
  const person = model.people.get(driver.personId);
  if (!person || driver.asWritten === null || driver.asWritten === person.name)
    return personWithFlag(model, driver.personId);
  return md`${flag(person.nationality.iso)} ${safe(driver.asWritten)} (as printed here; merged with ${safe(person.name)} by the alias list)`;
}

/** One driver line of an entry, marking names the entry list lost and where another table names them. */
export function describeDriver(model: SeasonModel, driver: EntryDriver): SafeText {
  if (driver.personId !== null)
    return md`${entryPersonName(model, { ...driver, personId: driver.personId })} — ${describeDriverRounds(model, driver)}`;
  if (driver.linked?.personId) {
    const rounds = driver.linked.rounds
      ? md` (${roundsPhrase(driver.linked.rounds, model.rounds.length)})`
      : literal('');
    return md`${italic(literal('name not published'))} — other tables name ${personWithFlag(model, driver.linked.personId)}${rounds}`;
  }
  return italic(literal('name and rounds not published'));
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

export function entryRoundsSummary(model: SeasonModel, entry: Entry): SafeText {
  const { rounds, complete } = entryRounds(entry);
  if (rounds.length === 0) return literal('rounds not published');
  const shown = roundsPhrase(rounds, model.rounds.length);
  return complete ? shown : md`${shown} (some drivers' rounds not published)`;
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
