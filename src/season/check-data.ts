import { resolve } from 'node:path';
import { loadSeasonFolder } from './load.js';
import { type DataProblem, formatFolderProblems, SeasonLoadError } from './problems.js';
import { publishedVersusComputed } from './published-vs-computed.js';
import { listSeasonFolders, looksLikeSeasonFolder } from './season-folders.js';

/**
 * `npm run check:data [dir]`: validate one season folder, or every season under a folder (default
 * data/seasons). Prints every problem with file, line and field, or one summary line per season.
 * Exit code 1 when anything is wrong. Folders are listed as start-up and hot reload list them.
 */
function main(argv: string[]): number {
  const target = resolve(argv[0] ?? 'data/seasons');
  let folders: { folder: string; problem: DataProblem | null }[];
  try {
    folders = looksLikeSeasonFolder(target) ? [{ folder: target, problem: null }] : listSeasonFolders(target);
  } catch (error) {
    if (!(error instanceof SeasonLoadError)) throw error;
    console.error(`check:data: ${target} ${error.problems[0]?.message ?? 'cannot be read'}`);
    return 1;
  }
  if (folders.length === 0) {
    console.error(`check:data: no season folders under ${target}`);
    return 1;
  }
  let failed = 0;
  for (const { folder, problem } of folders) {
    const problems = problem ? [problem] : checkFolder(folder);
    if (problems.length === 0) continue;
    failed++;
    console.log(formatFolderProblems(folder, problems));
  }
  return failed > 0 ? 1 : 0;
}

/** Loads one folder; prints its summary line when clean and returns its problems otherwise. */
function checkFolder(folder: string): DataProblem[] {
  try {
    const result = loadSeasonFolder(folder);
    if (!result.ok) return result.problems;
    const m = result.model;
    const rows = [...m.standings.values()].reduce((n, t) => n + t.rows.length, 0);
    const winners = [...m.results.values()].reduce((n, r) => n + r.winners.length, 0);
    console.log(
      `${m.id}: 0 problems — ${m.rounds.length} rounds, ${m.classes.length} classes, ${m.entries.length} entries, ` +
        `${m.people.size} people, ${m.teams.size} teams, ${winners} class winners, ${rows} standings rows`,
    );
    for (const warning of publishedVersusComputed(m)) console.log(`  warning: ${warning}`);
    return [];
  } catch (error) {
    if (!(error instanceof SeasonLoadError)) throw error;
    return [...error.problems];
  }
}

process.exitCode = main(process.argv.slice(2));
