import type { SeasonModel, StandingsColumn, StandingsRow, StandingsTable } from './model.js';
import type { Cell } from './schema.js';
import { type ComputedTable, computeStandings, latestClassifiedRound } from './standings-engine.js';

export interface ComputedStandings {
  /** The computed table in the published tables' shape, so the same text and picture builders draw it. */
  table: StandingsTable;
  computed: ComputedTable;
}

/**
 * The computed table of a class after `afterRound` (default: its latest classified round), where nothing is
 * published: published tables stay authoritative, so a class with one gets null here. Memoised through
 * computeStandings.
 */
export function computedStandingsFor(
  model: SeasonModel,
  classId: string,
  afterRound?: number,
): ComputedStandings | null {
  if (model.standings.has(classId)) return null;
  const latest = latestClassifiedRound(model, classId);
  if (latest === null) return null;
  const computed = computeStandings(model, classId, afterRound ?? latest);
  let shaped = shapes.get(computed);
  if (!shaped) {
    shaped = { table: asStandingsTable(model, computed), computed };
    shapes.set(computed, shaped);
  }
  return shaped;
}
const shapes = new WeakMap<ComputedTable, ComputedStandings>();

/** Classes that have a table to show: published, or computed from classifications. */
export function classesWithStandings(model: SeasonModel): string[] {
  return model.classes
    .filter((c) => model.standings.has(c.id) || latestClassifiedRound(model, c.id) !== null)
    .map((c) => c.id);
}

function asStandingsTable(model: SeasonModel, computed: ComputedTable): StandingsTable {
  const columns: StandingsColumn[] = [];
  for (const round of computed.roundsClassified) {
    const calendarRound = model.rounds[round - 1];
    const data = model.classifications.get(round)?.data;
    if (!calendarRound || !data) continue;
    const stages = calendarRound.scoring.filter((s) =>
      data.classifications.some((c) => c.class === computed.classId && c.stage === s.stage),
    );
    for (const { stage } of stages)
      columns.push({
        id: `r${round}-${stage}`,
        round,
        stage,
        label: calendarRound.country.written,
        sublabel: calendarRound.scoring.length > 1 ? stage : null,
        countryAsWritten: calendarRound.country.written,
      });
  }
  const rows: StandingsRow[] = computed.rows.map((row, index) => ({
    classId: computed.classId,
    index,
    position: row.position,
    tied: row.tied,
    drivers: row.personIds.map((personId) => {
      const person = model.people.get(personId);
      return { personId, asWritten: `${person?.nationality.written[0] ?? ''} ${person?.name ?? personId}` };
    }),
    teamId: row.teamId,
    teamAsWritten: null,
    cells: columns.map((column) => {
      const result = row.results.find((r) => r.round === column.round && r.stage === column.stage);
      // DNF is not among the published tables' statuses; the text and picture builders print it as given.
      return result ? ((result.position ?? result.status) as Cell) : null;
    }),
    points: row.points,
  }));
  return { classId: computed.classId, cellsMeaning: 'class-positions', columns, rows };
}
