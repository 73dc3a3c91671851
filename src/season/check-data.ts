import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSeasonFolder } from './load.js';
import { type DataProblem, formatProblem, SeasonLoadError } from './problems.js';
import { publishedVersusComputed } from './published-vs-computed.js';

/**
 * `npm run check:data [dir]`: validate one season folder, or every season under a folder (default
 * data/seasons). Prints every problem with file, line and field, or one summary line per season.
 * Exit code 1 when anything is wrong.
 */
function main(argv: string[]): number {
  const target = resolve(argv[0] ?? 'data/seasons');
  if (!existsSync(target)) {
    console.error(`check:data: ${target} does not exist`);
    return 1;
  }
  const folders = existsSync(join(target, 'season.yaml')) ? [target] : listSeasonFolders(target);
  if (folders.length === 0) {
    console.error(`check:data: no season folders under ${target}`);
    return 1;
  }
  let failed = 0;
  for (const folder of folders) {
    let problems: DataProblem[];
    try {
      const result = loadSeasonFolder(folder);
      if (result.ok) {
        const m = result.model;
        const rows = [...m.standings.values()].reduce((n, t) => n + t.rows.length, 0);
        const winners = [...m.results.values()].reduce((n, r) => n + r.winners.length, 0);
        console.log(
          `${m.id}: 0 problems — ${m.rounds.length} rounds, ${m.classes.length} classes, ${m.entries.length} entries, ` +
            `${m.people.size} people, ${m.teams.size} teams, ${winners} class winners, ${rows} standings rows`,
        );
        for (const warning of publishedVersusComputed(m)) console.log(`  warning: ${warning}`);
        continue;
      }
      problems = result.problems;
    } catch (error) {
      if (!(error instanceof SeasonLoadError)) throw error;
      problems = [...error.problems];
    }
    failed++;
    console.log(`${folder}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    for (const problem of problems) console.log(`  ${formatProblem(problem)}`);
  }
  return failed > 0 ? 1 : 0;
}

function listSeasonFolders(directory: string): string[] {
  return readdirSync(directory)
    .sort()
    .map((name) => join(directory, name))
    .filter((path) => existsSync(join(path, 'season.yaml')));
}

process.exitCode = main(process.argv.slice(2));
