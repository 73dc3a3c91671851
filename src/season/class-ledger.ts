import { defaultCrew, entryForRound, entryListOrder } from './crews.js';
import type { SeasonModel } from './model.js';
import type { Stage } from './schema.js';
import type { PenaltyScore, StageScore } from './standings-engine.js';

/** One driver's scores in a class, every round, in round order (read once per model and class). */
export interface DriverLedger {
  personId: string;
  /** Stage results in round order, then calendar stage order; `dropped` is false (best-N is per table). */
  results: StageScore[];
  penalties: PenaltyScore[];
  /**
   * From each listed round on, the driver's group: drivers with the same group after round N scored
   * identically in every stage up to N (same car, same result) and share every penalty, so they share a row.
   */
  groups: { round: number; group: number }[];
}

export interface ClassLedger {
  /** Everyone with a result or a penalty in the class, in entry-list order. */
  drivers: DriverLedger[];
  /** Rounds with at least one stage classified in the class, ascending. */
  roundsClassified: number[];
  /** The final scoring stage of every round with a classification file (for countback). */
  finalStages: Map<number, Stage>;
}

/**
 * Every round's classification of a class read once into per-driver lists, so the table after round N
 * takes prefixes of them instead of reading rounds 1..N again (which made a season's tables quadratic in
 * its rounds). Read with the model (buildSeasonModel), never on a request.
 */
export function classLedger(model: SeasonModel, classId: string): ClassLedger {
  if (model.ledgers === null) throw new Error(`the model of ${model.id} was built for checking only`);
  return model.ledgers.get(classId) ?? EMPTY_LEDGER;
}
const EMPTY_LEDGER: ClassLedger = { drivers: [], roundsClassified: [], finalStages: new Map() };

/** The ledger of every class with a classification; none for a season with published tables only. */
export function readClassLedgers(model: SeasonModel): Map<string, ClassLedger> {
  const classified = new Set<string>();
  for (const { data } of model.classifications.values())
    for (const c of data.classifications) classified.add(c.class);
  for (const { data } of model.classifications.values())
    for (const p of data.penalties) classified.add(p.class);
  return new Map([...classified].map((classId) => [classId, readClassLedger(model, classId)]));
}

/** How many items of a list in round order belong to rounds up to `afterRound` (binary search). */
export function countUpToRound(list: readonly { round: number }[], afterRound: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] as { round: number }).round <= afterRound) low = mid + 1;
    else high = mid;
  }
  return low;
}

function readClassLedger(model: SeasonModel, classId: string): ClassLedger {
  const drivers = new Map<string, LedgerBuild>();
  const driver = (personId: string) => {
    let d = drivers.get(personId);
    if (!d) {
      d = { personId, results: [], penalties: [], groups: [], lines: [] };
      drivers.set(personId, d);
    }
    return d;
  };
  const roundsClassified: number[] = [];
  const finalStages = new Map<number, Stage>();
  let lineCount = 0;
  const rounds = [...model.classifications.keys()].sort((a, b) => a - b);
  for (const round of rounds) {
    const calendarRound = model.rounds[round - 1];
    const data = model.classifications.get(round)?.data;
    if (!calendarRound || !data) continue;
    finalStages.set(round, calendarRound.scoring.at(-1)?.stage as Stage);
    const carCrews = new Map<number, string[]>();
    let classified = false;
    // Stages in calendar order, so a driver's breakdown reads 6h, 12h, finish whatever the file order.
    for (const { stage, tableId } of calendarRound.scoring) {
      const classification = data.classifications.find((c) => c.class === classId && c.stage === stage);
      if (!classification) continue;
      classified = true;
      const points = model.pointsTables.get(tableId)?.points ?? [];
      for (const line of classification.order) {
        const found = entryForRound(model, classId, line.car, round);
        if (!found.ok) continue; // refused by the checks; never reached for a loaded model
        const scorers = line.drivers ?? defaultCrew(found.entry, round);
        const crew = carCrews.get(line.car) ?? [];
        // One object for the whole crew: scores are never changed (best-N copies the ones it drops).
        const score: StageScore = {
          round,
          stage,
          tableId,
          car: line.car,
          teamId: found.entry.teamId,
          position: line.position,
          status: line.status,
          points: line.position === null ? 0 : (points[line.position - 1] ?? 0),
          dropped: false,
        };
        const lineId = lineCount++;
        for (const personId of scorers) {
          if (!crew.includes(personId)) crew.push(personId);
          const d = driver(personId);
          d.results.push(score);
          d.lines.push(lineId);
        }
        carCrews.set(line.car, crew);
      }
    }
    if (classified) roundsClassified.push(round);
    for (const penalty of data.penalties) {
      if (penalty.class !== classId) continue;
      const score = { round, car: penalty.car, points: penalty.points, reason: penalty.reason };
      if (penalty.person !== null) driver(penalty.person).penalties.push(score);
      else if (penalty.car !== null) {
        // A car's penalty falls on every driver who scored for it that round, else on its crew.
        let crew = carCrews.get(penalty.car);
        if (!crew) {
          const found = entryForRound(model, classId, penalty.car, round);
          crew = found.ok ? defaultCrew(found.entry, round) : [];
        }
        for (const personId of crew) driver(personId).penalties.push(score);
      }
    }
  }
  const order = entryListOrder(model);
  const orderOf = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...drivers.values()].sort((a, b) => orderOf(a.personId) - orderOf(b.personId));
  assignGroups(sorted, lineCount);
  return {
    drivers: sorted.map(({ personId, results, penalties, groups }) => ({
      personId,
      results,
      penalties,
      groups,
    })),
    roundsClassified,
    finalStages,
  };
}

/** A driver's ledger while it is read: `lines[i]` names the classification line of `results[i]`. */
interface LedgerBuild extends DriverLedger {
  lines: number[];
}

/**
 * A driver's group after a round is named by (group before it, what they scored in it), so equal groups
 * mean equal histories without comparing whole histories table by table. A result is named by its line
 * (lines are numbered across the season, each shared by the crew that scored it), a round's penalties by
 * what they say. Each (group, line) and (group, penalties) pair gets a fresh number from one counter, so
 * equal numbers mean equal pairs, and so, step by step, equal histories.
 */
function assignGroups(drivers: readonly LedgerBuild[], lineCount: number): void {
  const afterLine = new Map<number, number>();
  const afterPenalties = new Map<string, number>();
  let next = 1;
  for (const d of drivers) {
    let group = 0;
    let r = 0;
    let p = 0;
    while (r < d.results.length || p < d.penalties.length) {
      const round = Math.min(d.results[r]?.round ?? Infinity, d.penalties[p]?.round ?? Infinity);
      for (; d.results[r]?.round === round; r++) {
        const key = group * lineCount + (d.lines[r] as number);
        let to = afterLine.get(key);
        if (to === undefined) {
          to = next++;
          afterLine.set(key, to);
        }
        group = to;
      }
      const penaltiesFrom = p;
      while (d.penalties[p]?.round === round) p++;
      if (p > penaltiesFrom) {
        const key = `${group}/${JSON.stringify(d.penalties.slice(penaltiesFrom, p))}`;
        let to = afterPenalties.get(key);
        if (to === undefined) {
          to = next++;
          afterPenalties.set(key, to);
        }
        group = to;
      }
      d.groups.push({ round, group });
    }
  }
}
