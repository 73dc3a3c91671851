/**
 * Turns a generated season (bench/generate-season.ts) into a live one: round classifications for every
 * round but the last (that one is what the live-update benchmark "imports"), and no published tables, so
 * /standings serves the tables the engine computes. Deterministic: every class and stage orders the cars
 * entered for the round by a hash of (round, stage, car), the results' class winner first (the checks
 * require the final stage's winner to agree with results.yaml).
 *
 * From the shell: `npx tsx bench/generate-classifications.ts SEASON_FOLDER`.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import type { RoundClassificationFile } from '../src/season/classification-schema.js';
import { CLASSIFICATIONS_FOLDER, classificationFileName } from '../src/season/classification-schema.js';
import { defaultCrew, entryForRound } from '../src/season/crews.js';
import { loadSeasonFolderOrThrow } from '../src/season/load.js';
import type { SeasonModel } from '../src/season/model.js';

/** One round's classification for every class and stage; `variant` reshuffles all but the winner. */
export function classificationFor(model: SeasonModel, round: number, variant = 0): RoundClassificationFile {
  const calendarRound = model.rounds[round - 1];
  if (!calendarRound) throw new Error(`no round ${round}`);
  const classifications: RoundClassificationFile['classifications'] = [];
  for (const { id: classId } of model.classes) {
    // Each entered car with who scores: its crew for the round, or, where the entry list lost the rounds,
    // the drivers it names (the checks ask for names then); a car with neither did not start.
    const scorers = new Map<number, string[] | null>();
    for (const e of model.files.entries.entries) {
      if (e.class !== classId || scorers.has(e.car)) continue;
      const found = entryForRound(model, classId, e.car, round);
      if (!found.ok) continue;
      if (defaultCrew(found.entry, round).length > 0) scorers.set(e.car, null);
      else {
        const named = found.entry.drivers.flatMap((d) =>
          d.personId === null || d.rounds !== null ? [] : [d.personId],
        );
        if (named.length > 0) scorers.set(e.car, [...new Set(named)]);
      }
    }
    const cars = [...scorers.keys()];
    if (cars.length === 0) continue;
    const winner = model.results.get(round)?.winners.find((w) => w.classId === classId)?.car;
    for (const { stage } of calendarRound.scoring) {
      const order = [...cars].sort(
        (a, b) => score(round, stage, a, variant) - score(round, stage, b, variant) || a - b,
      );
      if (winner !== undefined && order.includes(winner))
        order.splice(0, order.length, winner, ...order.filter((car) => car !== winner));
      classifications.push({
        class: classId,
        stage,
        order: order.map((car, i) =>
          // Every 17th car retires: unclassified lines are part of what the engine reads.
          i > 2 && (car + round) % 17 === 0
            ? { position: null, car, status: 'Ret' as const, drivers: scorers.get(car) ?? null }
            : { position: 0, car, status: null, drivers: scorers.get(car) ?? null },
        ),
      });
    }
  }
  // Positions 1..n over the classified lines, the unclassified last (as a results sheet lists them).
  for (const c of classifications) {
    const classified = c.order.filter((line) => line.status === null);
    classified.forEach((line, i) => {
      line.position = i + 1;
    });
    c.order = [...classified, ...c.order.filter((line) => line.status !== null)];
  }
  return { round, classifications, penalties: [] };
}

/** Writes a round file as the importer does: a dotfile renamed over the round file (one watcher event). */
export function writeRoundFile(folder: string, data: RoundClassificationFile): void {
  const dir = join(folder, CLASSIFICATIONS_FOLDER);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, classificationFileName(data.round));
  const temporary = join(dir, `.${classificationFileName(data.round)}.tmp`);
  writeFileSync(temporary, stringify(data, { lineWidth: 0, flowCollectionPadding: true }));
  renameSync(temporary, target);
}

/** Makes the season folder live: classifications for rounds 1..last−1, no published tables. */
export function makeSeasonLive(folder: string): { rounds: number; lines: number } {
  const model = loadSeasonFolderOrThrow(folder);
  writeFileSync(join(folder, 'standings.yaml'), 'classes: []\n');
  let lines = 0;
  for (let round = 1; round < model.rounds.length; round++) {
    const data = classificationFor(model, round);
    lines += data.classifications.reduce((sum, c) => sum + c.order.length, 0);
    writeRoundFile(folder, data);
  }
  return { rounds: model.rounds.length - 1, lines };
}

function score(round: number, stage: string, car: number, variant: number): number {
  let h = 2166136261 ^ (round * 7919 + car * 104729 + variant * 15485863);
  for (const ch of stage) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % 1_000_003;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [folder] = process.argv.slice(2);
  if (!folder) {
    process.stderr.write('usage: npx tsx bench/generate-classifications.ts SEASON_FOLDER\n');
    process.exit(2);
  }
  const { rounds, lines } = makeSeasonLive(folder);
  process.stdout.write(`${folder}: ${rounds} rounds classified, ${lines} lines\n`);
}
