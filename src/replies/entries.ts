import type { Entry, EntryDriver, SeasonModel } from '../season/model.js';
import { entryRounds } from '../season/queries.js';
import { formatRounds } from '../season/rounds-text.js';
import { className, personWithFlag, teamWithFlag } from './common.js';
import { safe } from './text.js';

/** "all rounds", "round 4", "rounds 1–3, 5" (keeping the printed text when given). */
export function roundsPhrase(rounds: readonly number[], roundCount: number, printed?: string | null): string {
  const text = printed ?? formatRounds(rounds, roundCount);
  if (text === 'All') return 'all rounds';
  return rounds.length === 1 ? `round ${text}` : `rounds ${text}`;
}

/** "rounds 1–3, 5" / "all rounds" / "rounds not published (…)" for one entry-list line. */
export function describeDriverRounds(model: SeasonModel, driver: EntryDriver): string {
  if (driver.rounds !== null) return roundsPhrase(driver.rounds, model.rounds.length, driver.roundsText);
  const linked = driver.linked?.rounds;
  const cell = driver.roundsCell ? ` (the cell reads “${safe(driver.roundsCell)}”)` : '';
  if (linked)
    return `rounds not published${cell}; other tables show ${roundsPhrase(linked, model.rounds.length)}`;
  return `rounds not published${cell}`;
}

/** One driver line of an entry, marking names the entry list lost and where another table names them. */
export function describeDriver(model: SeasonModel, driver: EntryDriver): string {
  if (driver.personId !== null)
    return `${personWithFlag(model, driver.personId)} — ${describeDriverRounds(model, driver)}`;
  if (driver.linked?.personId)
    return `*name not published* — other tables name ${personWithFlag(model, driver.linked.personId)}${driver.linked.rounds ? ` (${roundsPhrase(driver.linked.rounds, model.rounds.length)})` : ''}`;
  return '*name and rounds not published*';
}

/** "Pro Cup · #84 🇩🇪 HTP Motorsport" */
export function entryHeading(model: SeasonModel, entry: Entry): string {
  return `${className(model, entry.classId)} · #${entry.car} ${teamWithFlag(model, entry.teamId)}`;
}

export function entryRoundsSummary(model: SeasonModel, entry: Entry): string {
  const { rounds, complete } = entryRounds(entry);
  if (rounds.length === 0) return 'rounds not published';
  const shown = roundsPhrase(rounds, model.rounds.length);
  return complete ? shown : `${shown} (some drivers' rounds not published)`;
}

/** The evidence notes of lost lines, numbered, for a "Sources" field. */
export function evidenceNotes(entries: readonly Entry[]): string[] {
  const notes: string[] = [];
  for (const entry of entries)
    for (const driver of entry.drivers)
      if (driver.linked) notes.push(`#${entry.car}: ${safe(driver.linked.evidence)}`);
  return notes;
}
