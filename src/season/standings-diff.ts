import type { SeasonModel } from './model.js';
import { computeStandings, latestClassifiedRound, positionText } from './standings-engine.js';

interface Standing {
  points: number;
  position: string;
}

/**
 * What an import changed in a class's latest computed table, one line per group of drivers whose change
 * is the same: `Maximilian Buhk 56 → 81, P2 → P1`. Drivers whose points and position did not move are
 * left out; a driver new to the table reads `new: 33, P6`.
 */
export function describeStandingsChange(before: SeasonModel, after: SeasonModel, classId: string): string[] {
  const old = standingsByPerson(before, classId);
  const now = standingsByPerson(after, classId);
  const groups = new Map<string, string[]>();
  const add = (key: string, personId: string) => {
    const list = groups.get(key) ?? [];
    list.push(personId);
    groups.set(key, list);
  };
  for (const [personId, standing] of now) {
    const was = old.get(personId);
    if (!was) add(`new: ${standing.points}, P${standing.position}`, personId);
    else if (was.points !== standing.points || was.position !== standing.position)
      add(changeText(was, standing), personId);
  }
  for (const [personId, was] of old)
    if (!now.has(personId)) add(`${was.points} → 0, P${was.position} → not listed`, personId);
  const name = (id: string) => after.people.get(id)?.name ?? id;
  return [...groups].map(([change, ids]) => `${ids.map(name).join(' / ')} ${change}`);
}

function changeText(was: Standing, now: Standing): string {
  const points = was.points === now.points ? `${now.points}` : `${was.points} → ${now.points}`;
  const position = was.position === now.position ? `P${now.position}` : `P${was.position} → P${now.position}`;
  return `${points}, ${position}`;
}

function standingsByPerson(model: SeasonModel, classId: string): Map<string, Standing> {
  const round = latestClassifiedRound(model, classId);
  const result = new Map<string, Standing>();
  if (round === null) return result;
  for (const row of computeStandings(model, classId, round).rows)
    for (const id of row.personIds) result.set(id, { points: row.points, position: positionText(row) });
  return result;
}
