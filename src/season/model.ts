import { createHash } from 'node:crypto';
import { type ClassLedger, readClassLedgers } from './class-ledger.js';
import type { RoundClassificationFile } from './classification-schema.js';
import { parseRoundsText } from './rounds-text.js';
import type { Cell, PersonData, RoundData, SeasonFiles, Stage, TeamData } from './schema.js';
import { buildNameIndex, type NameIndex } from './search.js';

export interface SeasonClass {
  id: string;
  name: string;
  resultsLabel: string;
}

export interface ScoringStage {
  stage: Stage;
  tableId: string;
}

export interface Round extends Omit<RoundData, 'scoring'> {
  scoring: ScoringStage[];
}

export interface PointsTable {
  id: string;
  title: string;
  titleAsPublished: string;
  points: number[];
  note: string | null;
}

export type Person = PersonData;
export type Team = TeamData;

export interface EntryDriver {
  /** null when the source lost the name. */
  personId: string | null;
  /** Published round list, or null when the source lost it. */
  rounds: number[] | null;
  roundsText: string | null;
  unknown: 'name-and-rounds' | 'rounds' | null;
  asWritten: string | null;
  roundsCell: string | null;
  /** What another table of the source says about a lost name or round list. */
  linked: {
    personId: string | null;
    rounds: number[] | null;
    roundsText: string | null;
    evidence: string;
  } | null;
}

export interface Entry {
  index: number;
  classId: string;
  teamId: string;
  car: number;
  carModel: string | null;
  drivers: EntryDriver[];
}

export interface Winner {
  round: number;
  classId: string;
  car: number;
  teamId: string;
  asWritten: string;
  crew: { personId: string; asWritten: string }[];
  note: string | null;
}

export interface RoundResults {
  round: number;
  circuitAsWritten: string;
  winners: Winner[];
}

export interface StandingsColumn {
  id: string;
  round: number;
  stage: Stage;
  label: string;
  sublabel: string | null;
  countryAsWritten: string | null;
}

export interface StandingsRow {
  classId: string;
  /** Index of the row in the published table (stable order). */
  index: number;
  position: number;
  /** True when another row shares this published position. */
  tied: boolean;
  drivers: { personId: string; asWritten: string }[];
  teamId: string | null;
  teamAsWritten: string | null;
  /** In column order; null where nothing was published. */
  cells: Cell[] | null;
  points: number;
}

export interface StandingsTable {
  classId: string;
  cellsMeaning: 'overall-positions' | 'class-positions' | 'none';
  columns: StandingsColumn[];
  rows: StandingsRow[];
}

/** One round's classification file as loaded (checked against the model by classification-check.ts). */
export interface ClassifiedRound {
  /** Path inside the season folder, e.g. classifications/round-04.yaml. */
  file: string;
  data: RoundClassificationFile;
}

export interface SeasonModel {
  id: string;
  name: string;
  year: number;
  files: SeasonFiles;
  /** Content hash of the data: changes whenever any file's meaning changes (used for caches). */
  version: string;
  classes: SeasonClass[];
  rounds: Round[];
  pointsTables: Map<string, PointsTable>;
  people: Map<string, Person>;
  teams: Map<string, Team>;
  entries: Entry[];
  results: Map<number, RoundResults>;
  standings: Map<string, StandingsTable>;
  /** Round classifications of a live season, by round (empty for a season with published tables only). */
  classifications: Map<number, ClassifiedRound>;
  /**
   * Each class's round classifications read into per-driver lists (class-ledger.ts), by class id; empty
   * without classifications; null in a model built only to check the files (load.ts).
   */
  ledgers: Map<string, ClassLedger> | null;
  index: {
    entriesByPerson: Map<string, { entry: Entry; driver: EntryDriver; linkedOnly: boolean }[]>;
    entriesByCar: Map<number, Entry[]>;
    entriesByTeam: Map<string, Entry[]>;
    standingsByPerson: Map<string, StandingsRow[]>;
    winsByPerson: Map<string, Winner[]>;
    winsByCar: Map<number, Winner[]>;
    names: NameIndex;
  };
}

/**
 * Work another layer does once per serving model, at load and reload, so that no request pays for it (the
 * standings replies measure every table line, by which long tables are paged). Registered when the module
 * that owns the work is imported; a model built only to check the files runs none of it.
 */
const builtWithEveryModel: ((model: SeasonModel) => void)[] = [];

export function buildWithEveryModel(work: (model: SeasonModel) => void): void {
  builtWithEveryModel.push(work);
}

/** Build the in-memory model once, with every index the queries need. Input must be cross-checked. */
export function buildSeasonModel(
  files: SeasonFiles,
  classified: readonly ClassifiedRound[] = [],
  { forChecking = false } = {},
): SeasonModel {
  const roundCount = files.calendar.rounds.length;
  const rounds = (text: string | undefined | null): number[] | null => {
    if (text === undefined || text === null) return null;
    const parsed = parseRoundsText(text, roundCount);
    return typeof parsed === 'string' ? null : parsed;
  };
  const classes = files.season.classes.map((c) => ({
    id: c.id,
    name: c.name,
    resultsLabel: c.results_label,
  }));
  const modelRounds: Round[] = files.calendar.rounds.map((r) => ({
    ...r,
    scoring: r.scoring.map((s) => ({ stage: s.stage, tableId: s.table })),
  }));
  const pointsTables = new Map(
    files.scoring.tables.map((t) => [
      t.id,
      { id: t.id, title: t.title, titleAsPublished: t.title_as_published, points: t.points, note: t.note },
    ]),
  );
  const people = new Map(files.people.people.map((p) => [p.id, p]));
  const teams = new Map(files.teams.teams.map((t) => [t.id, t]));

  const entries: Entry[] = files.entries.entries.map((e, index) => ({
    index,
    classId: e.class,
    teamId: e.team,
    car: e.car,
    carModel: e.car_model,
    drivers: e.drivers.map((d) => ({
      personId: d.person,
      rounds: rounds(d.rounds),
      roundsText: d.rounds,
      unknown: d.unknown ?? null,
      asWritten: d.as_written ?? null,
      roundsCell: d.rounds_cell ?? null,
      linked: d.linked
        ? {
            personId: d.linked.person ?? null,
            rounds: rounds(d.linked.rounds),
            roundsText: d.linked.rounds ?? null,
            evidence: d.linked.evidence,
          }
        : null,
    })),
  }));

  const results = new Map<number, RoundResults>();
  for (const r of files.results.rounds) {
    results.set(r.round, {
      round: r.round,
      circuitAsWritten: r.circuit_as_written,
      winners: r.winners.map((w) => ({
        round: r.round,
        classId: w.class,
        car: w.car,
        teamId: w.team,
        asWritten: w.as_written,
        crew: w.crew.map((c) => ({ personId: c.person, asWritten: c.as_written })),
        note: w.note,
      })),
    });
  }

  const standings = new Map<string, StandingsTable>();
  for (const table of files.standings.classes) {
    const columns = table.columns.map((c) => ({
      id: c.id,
      round: c.round,
      stage: c.stage,
      label: c.label,
      sublabel: c.sublabel ?? null,
      countryAsWritten: c.country_as_written,
    }));
    const positionCounts = new Map<number, number>();
    for (const row of table.rows)
      positionCounts.set(row.position, (positionCounts.get(row.position) ?? 0) + 1);
    standings.set(table.class, {
      classId: table.class,
      cellsMeaning: table.cells,
      columns,
      rows: table.rows.map((row, index) => ({
        classId: table.class,
        index,
        position: row.position,
        tied: (positionCounts.get(row.position) ?? 0) > 1,
        drivers: row.drivers.map((d) => ({ personId: d.person, asWritten: d.as_written })),
        teamId: row.team,
        teamAsWritten: row.team_as_written,
        cells:
          row.cells === null
            ? null
            : columns.map((c) =>
                row.cells && Object.hasOwn(row.cells, c.id) ? (row.cells[c.id] ?? null) : null,
              ),
        points: row.points,
      })),
    });
  }

  const entriesByPerson = new Map<string, { entry: Entry; driver: EntryDriver; linkedOnly: boolean }[]>();
  const entriesByCar = new Map<number, Entry[]>();
  const entriesByTeam = new Map<string, Entry[]>();
  for (const entry of entries) {
    push(entriesByCar, entry.car, entry);
    push(entriesByTeam, entry.teamId, entry);
    for (const driver of entry.drivers) {
      if (driver.personId !== null)
        push(entriesByPerson, driver.personId, { entry, driver, linkedOnly: false });
      else if (driver.linked?.personId)
        push(entriesByPerson, driver.linked.personId, { entry, driver, linkedOnly: true });
    }
  }
  const standingsByPerson = new Map<string, StandingsRow[]>();
  for (const table of standings.values())
    for (const row of table.rows) for (const d of row.drivers) push(standingsByPerson, d.personId, row);
  const winsByPerson = new Map<string, Winner[]>();
  const winsByCar = new Map<number, Winner[]>();
  for (const r of results.values())
    for (const w of r.winners) {
      push(winsByCar, w.car, w);
      for (const c of w.crew) push(winsByPerson, c.personId, w);
    }

  const model: SeasonModel = {
    id: files.season.id,
    name: files.season.name,
    year: files.season.year,
    files,
    // Classifications join the hash only when present, so a season without them keeps its version.
    version: createHash('sha256')
      .update(JSON.stringify(classified.length > 0 ? { files, classified } : files))
      .digest('hex')
      .slice(0, 16),
    classes,
    rounds: modelRounds,
    pointsTables,
    people,
    teams,
    entries,
    results,
    standings,
    classifications: new Map(classified.map((c) => [c.data.round, c])),
    ledgers: null,
    index: {
      entriesByPerson,
      entriesByCar,
      entriesByTeam,
      standingsByPerson,
      winsByPerson,
      winsByCar,
      names: buildNameIndex(
        [...people.values()].map((p) => ({
          kind: 'person' as const,
          id: p.id,
          name: p.name,
          aliases: p.aliases,
        })),
        [...teams.values()].map((t) => ({
          kind: 'team' as const,
          id: t.id,
          name: t.name,
          aliases: t.aliases,
        })),
      ),
    },
  };
  // Read here, with the model, so that no request pays for a class's first table (the largest generated
  // season's ledgers take about a second); a model built only to check the files skips them.
  if (!forChecking) {
    model.ledgers = readClassLedgers(model);
    for (const work of builtWithEveryModel) work(model);
  }
  return model;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
