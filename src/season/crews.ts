import type { Entry, SeasonModel } from './model.js';

/**
 * Who can score for a car in a round, read from entries.yaml. The default crew is the car's drivers whose
 * published rounds cover the round; a driver whose rounds are unknown (lost by the source, or a reserve)
 * may score only when a classification names them.
 */

export type EntryForRound = { ok: true; entry: Entry } | { ok: false; message: string };

/** True when a published round list of the entry includes the round. */
function covers(entry: Entry, round: number): boolean {
  return entry.drivers.some((d) => d.rounds?.includes(round) === true);
}

function hasUnknownRounds(entry: Entry): boolean {
  return entry.drivers.some((d) => d.rounds === null);
}

/** The entry a class classification means by a car number in a round. */
export function entryForRound(
  model: SeasonModel,
  classId: string,
  car: number,
  round: number,
): EntryForRound {
  const candidates = (model.index.entriesByCar.get(car) ?? []).filter((e) => e.classId === classId);
  if (candidates.length === 0) return { ok: false, message: `car ${car} is not entered in ${classId}` };
  const covering = candidates.filter((e) => covers(e, round));
  const pick = covering.length > 0 ? covering : candidates.filter(hasUnknownRounds);
  if (pick.length === 1) return { ok: true, entry: pick[0] as Entry };
  if (pick.length > 1)
    return {
      ok: false,
      message: `car ${car} has ${pick.length} entries in ${classId} for round ${round} (${pick.map((e) => e.teamId).join(', ')}); entries.yaml must say which one ran`,
    };
  return {
    ok: false,
    message: `car ${car} was not entered in ${classId} for round ${round} (its drivers' rounds: ${candidates
      .flatMap((e) => e.drivers.map((d) => d.roundsText ?? '?'))
      .join(', ')})`,
  };
}

/** Person ids of the car's crew for the round, in entry-list order. */
export function defaultCrew(entry: Entry, round: number): string[] {
  const crew: string[] = [];
  for (const d of entry.drivers)
    if (d.personId !== null && d.rounds?.includes(round) && !crew.includes(d.personId)) crew.push(d.personId);
  return crew;
}

/** Null when the person may score for the entry in the round; otherwise why not. */
export function whyNotInCrew(entry: Entry, personId: string, round: number): string | null {
  const lines = entry.drivers.filter((d) => (d.personId ?? d.linked?.personId) === personId);
  if (lines.length === 0) return `${personId} is not a driver of car ${entry.car} (${entry.teamId})`;
  if (lines.some((d) => d.rounds === null || d.rounds.includes(round))) return null;
  return `${personId} is not entered in car ${entry.car} for round ${round} (entries.yaml: rounds ${lines
    .map((d) => d.roundsText)
    .join(', ')})`;
}

/** Entry-list order of people: where each first appears in entries.yaml (for naming crews in order). */
const orderCache = new WeakMap<SeasonModel, Map<string, number>>();
export function entryListOrder(model: SeasonModel): Map<string, number> {
  let order = orderCache.get(model);
  if (!order) {
    order = new Map();
    let n = 0;
    for (const entry of model.entries)
      for (const d of entry.drivers) {
        const id = d.personId ?? d.linked?.personId ?? null;
        if (id !== null && !order.has(id)) order.set(id, n);
        n++;
      }
    orderCache.set(model, order);
  }
  return order;
}
