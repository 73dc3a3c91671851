/**
 * The title maths reasons about one case per contender: the contender wins every remaining stage and no
 * one else scores. Here that case is played through the real standings engine on the example season (crews,
 * penalties, countback and all), after round 3 and after importing round 4's CSVs: the contender ends at
 * position 1 exactly when the maths says they can still win.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { RoundClassificationFile } from '../../src/season/classification-schema.js';
import { importRound } from '../../src/season/import-round.js';
import { buildSeasonModel, type ClassifiedRound, type SeasonModel } from '../../src/season/model.js';
import { computeStandings, latestClassifiedRound } from '../../src/season/standings-engine.js';
import { titleRace, YET_TO_SCORE } from '../../src/season/title-race.js';
import { EXAMPLE_CSV_DIR, EXAMPLE_DIR, EXAMPLE_ID, exampleModel } from '../live/example-season.js';

const CLASSES = ['pro', 'pro-am', 'gentlemen'];
const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

function afterImportingRound4(): SeasonModel {
  return afterImporting([4]);
}

function afterImporting(roundsToImport: number[]): SeasonModel {
  const root = mkdtempSync(join(tmpdir(), 'pitboard-best-case-'));
  temp.push(root);
  const dir = join(root, EXAMPLE_ID);
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  let model: SeasonModel | null = null;
  for (const round of roundsToImport)
    for (const classId of CLASSES) {
      const csvName = join(EXAMPLE_CSV_DIR, `round-0${round}-${classId}.csv`);
      const outcome = importRound({
        seasonDir: dir,
        round,
        classId,
        stage: null,
        csvName,
        csvText: readFileSync(csvName, 'utf8'),
      });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
      model = outcome.after;
    }
  return model as SeasonModel;
}

/** The model with every remaining stage of the class won by one car, only the given drivers scoring. */
function bestCase(
  model: SeasonModel,
  classId: string,
  car: number,
  drivers: string[],
  after: number,
): SeasonModel {
  const rounds: RoundClassificationFile[] = [...model.classifications.values()].map((c) =>
    structuredClone(c.data),
  );
  for (const round of model.rounds.filter((r) => r.round > after)) {
    const file = rounds.find((r) => r.round === round.round) ?? {
      round: round.round,
      classifications: [],
      penalties: [],
    };
    if (!rounds.includes(file)) rounds.push(file);
    for (const { stage } of round.scoring)
      file.classifications.push({
        class: classId,
        stage,
        order: [{ position: 1, car, status: null, drivers }],
      });
  }
  return buildSeasonModel(
    model.files,
    rounds.map((data): ClassifiedRound => ({ file: `round-${data.round}`, data })),
  );
}

describe('the best case of every contender, played through the engine', () => {
  test.each([
    ['after round 3', () => exampleModel()],
    ['after importing round 4', afterImportingRound4],
  ])('%s: a contender can finish first exactly when the maths says so', (_when, load) => {
    const model = load();
    let outOfContention = 0;
    for (const classId of CLASSES) {
      const after = latestClassifiedRound(model, classId) as number;
      const race = titleRace(model, classId, after);
      for (const standing of race.analysis.standings) {
        if (standing.id === YET_TO_SCORE) continue;
        const row = race.rows.get(standing.id);
        const car = row?.results.at(-1)?.car;
        if (!row || car === undefined) continue;
        const played = bestCase(model, classId, car, row.personIds, after);
        const final = computeStandings(played, classId, model.rounds.length);
        const position = final.rows.find((r) => r.personIds.includes(row.personIds[0] as string))?.position;
        expect({ classId, id: standing.id, first: position === 1 }).toEqual({
          classId,
          id: standing.id,
          first: standing.inContention,
        });
        if (!standing.inContention) outOfContention++;
      }
    }
    if (_when === 'after importing round 4') expect(outOfContention).toBeGreaterThan(0);
  });
});

describe('the season over', () => {
  test("after importing rounds 4 and 5 every class is decided: the champions are the final table's first row", () => {
    const model = afterImporting([4, 5]);
    for (const classId of CLASSES) {
      const race = titleRace(model, classId, 5);
      const first = computeStandings(model, classId, 5).rows.filter((r) => r.position === 1);
      expect(race.analysis.champions).toEqual(first.map((r) => r.personIds.join('+')));
      expect(race.analysis.needs).toEqual([]);
      if (first.length === 1) {
        expect(race.analysis.clinchedBy).toBe(first[0]?.personIds.join('+'));
        expect(race.decidedAt).toBeGreaterThanOrEqual(4);
      }
    }
  });
});
