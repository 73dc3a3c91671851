import type {
  Entry,
  EntryDriver,
  Person,
  SeasonModel,
  StandingsRow,
  StandingsTable,
  Team,
  Winner,
} from './model.js';
import type { Cell } from './schema.js';
import { findById, type NameMatch, normaliseName, searchNames } from './search.js';

export type PersonLookup =
  | { kind: 'found'; person: Person }
  | { kind: 'ambiguous'; matches: NameMatch[] }
  | { kind: 'none'; suggestions: NameMatch[] };

/**
 * Resolve what a user typed (or picked: autocomplete sends the id) to one person. A unique exact name or
 * alias wins; a single match wins; several equally good matches are ambiguous.
 */
export function lookupPerson(model: SeasonModel, text: string): PersonLookup {
  const byId = findById(model.index.names, 'person', text);
  if (byId) return { kind: 'found', person: model.people.get(byId.id) as Person };
  const matches = searchNames(model.index.names, text, { kinds: ['person'] });
  const exact = matches.filter((m) => m.exact);
  if (exact.length === 1)
    return { kind: 'found', person: model.people.get((exact[0] as NameMatch).id) as Person };
  if (matches.length === 1) {
    const only = matches[0] as NameMatch;
    if (!isLooseMatch(only, text)) return { kind: 'found', person: model.people.get(only.id) as Person };
    return { kind: 'none', suggestions: matches };
  }
  if (matches.length > 1) {
    const best = (matches[0] as NameMatch).score;
    const top = matches.filter((m) => m.score === best);
    if (top.length === 1 && best >= 6 && (matches[1] as NameMatch).score < best - 2)
      return { kind: 'found', person: model.people.get((top[0] as NameMatch).id) as Person };
    return { kind: 'ambiguous', matches: matches.slice(0, 10) };
  }
  return { kind: 'none', suggestions: [] };
}

/**
 * A lone match too weak to answer with a profile: the query has a single letter or digit ("x", "**x**"), or
 * a word of it matched only as a typo ("code" for Côme). It is offered as "did you mean" instead.
 */
function isLooseMatch(match: NameMatch, text: string): boolean {
  const words = normaliseName(text).split(' ').filter(Boolean);
  if (words.join('').length < 2) return true;
  const tokens = normaliseName(match.via ?? match.name).split(' ');
  return !words.every((word) => tokens.some((token) => token.startsWith(word)));
}

export type TeamLookup =
  | { kind: 'found'; team: Team }
  | { kind: 'ambiguous'; matches: NameMatch[] }
  | { kind: 'none'; suggestions: NameMatch[] };

export function lookupTeam(model: SeasonModel, text: string): TeamLookup {
  const byId = findById(model.index.names, 'team', text);
  if (byId) return { kind: 'found', team: model.teams.get(byId.id) as Team };
  const matches = searchNames(model.index.names, text, { kinds: ['team'] });
  const exact = matches.filter((m) => m.exact);
  if (exact.length === 1) return { kind: 'found', team: model.teams.get((exact[0] as NameMatch).id) as Team };
  if (matches.length === 1)
    return { kind: 'found', team: model.teams.get((matches[0] as NameMatch).id) as Team };
  if (matches.length > 1) return { kind: 'ambiguous', matches: matches.slice(0, 10) };
  return { kind: 'none', suggestions: [] };
}

/** Rounds an entry ran in, as far as published round lists tell; `complete` is false when some are lost. */
export function entryRounds(entry: Entry): { rounds: number[]; complete: boolean } {
  const rounds = new Set<number>();
  let complete = true;
  for (const driver of entry.drivers) {
    if (driver.rounds === null) complete = false;
    for (const r of driver.rounds ?? []) rounds.add(r);
  }
  return { rounds: [...rounds].sort((a, b) => a - b), complete };
}

export interface PersonProfile {
  person: Person;
  entries: { entry: Entry; driver: EntryDriver; linkedOnly: boolean }[];
  standings: StandingsRow[];
  wins: Winner[];
}

export function personProfile(model: SeasonModel, person: Person): PersonProfile {
  return {
    person,
    entries: model.index.entriesByPerson.get(person.id) ?? [],
    standings: model.index.standingsByPerson.get(person.id) ?? [],
    wins: model.index.winsByPerson.get(person.id) ?? [],
  };
}

/** Every entry that used a car number (any team, any class), and the winners published under it. */
export function carLineup(model: SeasonModel, car: number): { entries: Entry[]; wins: Winner[] } {
  return { entries: model.index.entriesByCar.get(car) ?? [], wins: model.index.winsByCar.get(car) ?? [] };
}

export function teamEntries(model: SeasonModel, teamId: string): { entries: Entry[]; wins: Winner[] } {
  const wins = [...model.results.values()].flatMap((r) => r.winners.filter((w) => w.teamId === teamId));
  return { entries: model.index.entriesByTeam.get(teamId) ?? [], wins };
}

/** Car numbers closest to one that was never entered, for "did you mean". */
export function nearestCars(model: SeasonModel, car: number, count = 5): number[] {
  return [...model.index.entriesByCar.keys()]
    .sort((a, b) => Math.abs(a - car) - Math.abs(b - car) || a - b)
    .slice(0, count);
}

export interface DerivedPoints {
  /** Points per column if each published cell were the class position; null where no points apply. */
  perColumn: (number | null)[];
  total: number;
  /** True when the derived total equals the published one. */
  matchesPublished: boolean;
}

/**
 * Recompute a row's points from its published cells, reading each overall position as if it were the class
 * position. This is a derivation, not a published figure: callers must label it, and must never present it
 * as the total when it disagrees with the published one.
 */
export function derivePoints(
  model: SeasonModel,
  table: StandingsTable,
  row: StandingsRow,
): DerivedPoints | null {
  if (row.cells === null || table.columns.length === 0) return null;
  const perColumn = table.columns.map((column, i) => {
    const cell: Cell = row.cells?.[i] ?? null;
    if (cell === null) return null;
    if (typeof cell !== 'number') return 0;
    const stage = model.rounds[column.round - 1]?.scoring.find((s) => s.stage === column.stage);
    const points = stage ? model.pointsTables.get(stage.tableId)?.points : undefined;
    return points?.[cell - 1] ?? 0;
  });
  const total = perColumn.reduce<number>((n, p) => n + (p ?? 0), 0);
  return { perColumn, total, matchesPublished: total === row.points };
}

/** The rounds in which the tables of the seed (results, standings cells) show a person racing. */
export function roundsSeenElsewhere(model: SeasonModel, personId: string): number[] {
  const rounds = new Set<number>();
  for (const win of model.index.winsByPerson.get(personId) ?? []) rounds.add(win.round);
  for (const row of model.index.standingsByPerson.get(personId) ?? []) {
    const table = model.standings.get(row.classId);
    row.cells?.forEach((cell, i) => {
      const column = table?.columns[i];
      if (cell !== null && column) rounds.add(column.round);
    });
  }
  return [...rounds].sort((a, b) => a - b);
}
