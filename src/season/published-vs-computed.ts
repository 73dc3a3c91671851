import type { SeasonModel } from './model.js';
import { computeStandings, latestClassifiedRound, type StageScore } from './standings-engine.js';

/**
 * Where a class has both a published table and round classifications, every disagreement between the
 * published figures and the computed ones (row, round, both figures). The published numbers stay what
 * users see; these are warnings for the admin (`check:data`), never errors.
 */
export function publishedVersusComputed(model: SeasonModel): string[] {
  const warnings: string[] = [];
  for (const [classId, published] of model.standings) {
    const round = latestClassifiedRound(model, classId);
    if (round === null) continue;
    const computed = computeStandings(model, classId, round);
    const byPerson = new Map<string, { points: number; results: StageScore[] }>();
    for (const row of [...computed.rows, ...computed.zeroRows])
      for (const id of row.personIds) byPerson.set(id, row);
    const name = (id: string) => model.people.get(id)?.name ?? id;
    const seen = new Set<string>();
    for (const row of published.rows) {
      const where = `${classId} row ${row.index + 1} (${row.drivers.map((d) => name(d.personId)).join(' / ')})`;
      for (const driver of row.drivers) {
        seen.add(driver.personId);
        const mine = byPerson.get(driver.personId);
        const points = mine?.points ?? 0;
        if (points !== row.points)
          warnings.push(
            `${where}, ${name(driver.personId)}: published ${row.points} points, computed ${points} after round ${round}`,
          );
        if (published.cellsMeaning !== 'class-positions' || row.cells === null) continue;
        published.columns.forEach((column, c) => {
          if (column.round > round) return;
          const classified = model.classifications
            .get(column.round)
            ?.data.classifications.some((k) => k.class === classId && k.stage === column.stage);
          if (!classified) return;
          const result = mine?.results.find((r) => r.round === column.round && r.stage === column.stage);
          const cell = row.cells?.[c] ?? null;
          const figure = result ? (result.position ?? result.status) : null;
          if (cell !== figure)
            warnings.push(
              `${where}, ${name(driver.personId)}, round ${column.round} ${column.stage}: published ${cell ?? 'nothing'}, computed ${figure ?? 'nothing'}`,
            );
        });
      }
    }
    for (const row of computed.rows)
      for (const id of row.personIds)
        if (!seen.has(id))
          warnings.push(`${classId}: ${name(id)} has ${row.points} computed points but no published row`);
  }
  return warnings;
}
