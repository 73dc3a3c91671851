import type { PenaltyData, StageClassificationData } from './classification-schema.js';
import { defaultCrew, entryForRound, whyNotInCrew } from './crews.js';
import type { ClassifiedRound, SeasonModel } from './model.js';
import { type DataProblem, fieldPath } from './problems.js';
import type { YamlFile } from './read-yaml.js';

/** Where a value sits: a YAML file's line and field, or a CSV file's line and column. */
export interface Where {
  file: string;
  line: number | null;
  field: string;
}
/** Locates a path relative to one stage classification (['order', 3, 'car']) or one penalty (['car']). */
export type Locator = (path: readonly PropertyKey[]) => Where;

export interface LocatedStage {
  data: StageClassificationData;
  at: Locator;
}
export interface LocatedPenalty {
  data: PenaltyData;
  at: Locator;
}

/**
 * Checks of the classification files against the season: the round and its stages exist, each car was
 * entered in that class for that round, scoring drivers belong to its crew, positions run 1..n without
 * gaps or repeats, the winner agrees with results.yaml, penalties name existing people or cars.
 */
export function checkClassifiedRounds(
  model: SeasonModel,
  rounds: readonly ClassifiedRound[],
  yamls: ReadonlyMap<string, YamlFile>,
): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const { file, data } of rounds) {
    const yaml = yamls.get(file);
    const locate =
      (prefix: PropertyKey[]): Locator =>
      (path) => {
        const full = [...prefix, ...path];
        return { file, line: yaml?.lineOf(full) ?? null, field: fieldPath(full) };
      };
    if (data.round > model.rounds.length) {
      problems.push({
        ...locate([])(['round']),
        message: `round ${data.round} is not in the calendar (1–${model.rounds.length})`,
      });
      continue;
    }
    problems.push(
      ...checkRoundClassification(
        model,
        data.round,
        data.classifications.map((stage, s) => ({ data: stage, at: locate(['classifications', s]) })),
        data.penalties.map((penalty, p) => ({ data: penalty, at: locate(['penalties', p]) })),
      ),
    );
  }
  return problems;
}

/** Every check of one round's classification (used for files and, with CSV locations, by the importer). */
export function checkRoundClassification(
  model: SeasonModel,
  round: number,
  stages: readonly LocatedStage[],
  penalties: readonly LocatedPenalty[],
): DataProblem[] {
  const problems: DataProblem[] = [];
  const seen = new Set<string>();
  // person -> the first car they score for in each class this round (a driver scores for one car per round)
  const seats = new Map<string, number>();
  for (const stage of stages) {
    const key = `${stage.data.class}/${stage.data.stage}`;
    if (seen.has(key))
      problems.push({
        ...stage.at(['stage']),
        message: `${stage.data.class} ${stage.data.stage} is classified twice in round ${round}`,
      });
    seen.add(key);
    problems.push(...checkStage(model, round, stage, seats));
  }
  for (const penalty of penalties) problems.push(...checkPenalty(model, round, penalty));
  return problems;
}

function checkStage(
  model: SeasonModel,
  round: number,
  { data, at }: LocatedStage,
  seats: Map<string, number>,
): DataProblem[] {
  const problems: DataProblem[] = [];
  const report = (path: PropertyKey[], message: string) => problems.push({ ...at(path), message });
  if (!model.classes.some((c) => c.id === data.class)) {
    report(
      ['class'],
      `unknown class "${data.class}" (season.yaml has ${model.classes.map((c) => c.id).join(', ')})`,
    );
    return problems;
  }
  const calendarRound = model.rounds[round - 1];
  const stages = calendarRound?.scoring.map((s) => s.stage) ?? [];
  if (!stages.includes(data.stage))
    report(
      ['stage'],
      `round ${round} has no "${data.stage}" scoring stage (calendar.yaml: ${stages.join(', ')})`,
    );

  const cars = new Set<number>();
  const positions = new Map<number, number>();
  data.order.forEach((line, i) => {
    const row = (field: string) => ['order', i, field];
    if (cars.has(line.car)) report(row('car'), `car ${line.car} is listed twice`);
    cars.add(line.car);
    if (line.position !== null) {
      if (positions.has(line.position)) report(row('position'), `position ${line.position} is given twice`);
      else positions.set(line.position, i);
    }
    const found = entryForRound(model, data.class, line.car, round);
    if (!found.ok) {
      report(row('car'), found.message);
      return;
    }
    const named = line.drivers ?? [];
    const valid = named.filter((personId, d) => {
      const why = !model.people.has(personId)
        ? `unknown person "${personId}"`
        : named.indexOf(personId) !== d
          ? `${personId} is named twice`
          : whyNotInCrew(found.entry, personId, round);
      if (why) report(['order', i, 'drivers', d], why);
      return why === null;
    });
    const scorers = line.drivers ? valid : defaultCrew(found.entry, round);
    if (line.position !== null && line.drivers === null && scorers.length === 0)
      report(
        row('drivers'),
        `no driver of car ${line.car} has published rounds covering round ${round}: name the drivers who score`,
      );
    // Decision: a driver scores for one car of a class per round; two cars would double their points.
    for (const personId of scorers) {
      const other = seats.get(`${data.class}/${personId}`);
      if (other !== undefined && other !== line.car)
        report(
          row('drivers'),
          `${personId} scores for car ${other} and car ${line.car} in ${data.class} in round ${round}; a driver scores for one car per round`,
        );
      else seats.set(`${data.class}/${personId}`, line.car);
    }
  });
  for (let p = 1; p <= positions.size; p++)
    if (!positions.has(p)) {
      report(['order'], `positions must run 1..${positions.size} without gaps: ${p} is missing`);
      break;
    }

  const isFinalStage = calendarRound?.scoring.at(-1)?.stage === data.stage;
  const winner = model.results.get(round)?.winners.find((w) => w.classId === data.class);
  if (isFinalStage && winner) {
    const first = positions.get(1);
    const firstCar = first === undefined ? null : data.order[first]?.car;
    if (firstCar !== winner.car)
      report(
        first === undefined ? ['order'] : ['order', first, 'car'],
        `results.yaml names car ${winner.car} as the ${data.class} winner of round ${round}, not ${firstCar === null ? 'nobody' : `car ${firstCar}`}`,
      );
  }
  return problems;
}

function checkPenalty(model: SeasonModel, round: number, { data, at }: LocatedPenalty): DataProblem[] {
  const problems: DataProblem[] = [];
  const report = (path: PropertyKey[], message: string) => problems.push({ ...at(path), message });
  if (!model.classes.some((c) => c.id === data.class)) {
    report(['class'], `unknown class "${data.class}"`);
    return problems;
  }
  if (data.person !== null) {
    if (!model.people.has(data.person)) report(['person'], `unknown person "${data.person}"`);
    else if (
      !(model.index.entriesByPerson.get(data.person) ?? []).some((e) => e.entry.classId === data.class)
    )
      report(['person'], `${data.person} has no entry in ${data.class}`);
  }
  if (data.car !== null) {
    const found = entryForRound(model, data.class, data.car, round);
    if (!found.ok) report(['car'], found.message);
  }
  return problems;
}
