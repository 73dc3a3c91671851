import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { importRound } from '../season/import-round.js';
import { formatProblem } from '../season/problems.js';
import { describeStandingsChange } from '../season/standings-diff.js';
import { latestClassifiedRound } from '../season/standings-engine.js';

const USAGE =
  'usage: npm run --silent results -- import <season-dir> --round N --class C [--stage S] <file.csv>';

export interface ResultsCliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Where relative paths start (npm's INIT_CWD when run through npm). */
  cwd?: string;
}

/**
 * `npm run results -- import …`: import one class's classification of a round (stage) from the results
 * CSV, then print what changed in that class's standings. Exit 0 when written, 1 when refused (every
 * problem printed, nothing written), 2 for a usage mistake.
 */
export function runResultsCli(argv: readonly string[], io: ResultsCliIo): number {
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    io.stderr.write(`results: ${parsed}\n${USAGE}\n`);
    return 2;
  }
  // npm runs scripts in the package folder; paths are meant from where the admin typed the command.
  const from = (path: string) => resolve(io.cwd ?? process.cwd(), path);
  let csvText: string;
  try {
    csvText = readFileSync(from(parsed.csv), 'utf8');
  } catch (error) {
    io.stderr.write(
      `results: cannot read ${parsed.csv}: ${(error as NodeJS.ErrnoException).code ?? 'error'}\n`,
    );
    return 1;
  }
  const outcome = importRound({
    seasonDir: from(parsed.seasonDir),
    round: parsed.round,
    classId: parsed.classId,
    stage: parsed.stage,
    csvName: basename(parsed.csv),
    csvText,
  });
  if (!outcome.ok) {
    const count = outcome.problems.length;
    io.stderr.write(`results: refused, nothing written — ${count} problem${count === 1 ? '' : 's'}:\n`);
    for (const problem of outcome.problems) io.stderr.write(`  ${formatProblem(problem)}\n`);
    return 1;
  }
  const className = outcome.after.classes.find((c) => c.id === parsed.classId)?.name ?? parsed.classId;
  io.stdout.write(
    `${outcome.replaced ? 'Replaced' : 'Imported'} round ${parsed.round} ${className} (${outcome.stage}) → ${outcome.file}\n`,
  );
  const changes = describeStandingsChange(outcome.before, outcome.after, parsed.classId);
  const latest = latestClassifiedRound(outcome.after, parsed.classId);
  if (changes.length === 0) io.stdout.write('No change in the standings.\n');
  else {
    io.stdout.write(`${className} standings after round ${latest}:\n`);
    for (const line of changes) io.stdout.write(`  ${line}\n`);
  }
  return 0;
}

interface ImportArguments {
  seasonDir: string;
  round: number;
  classId: string;
  stage: string | null;
  csv: string;
}

/** The arguments, or one sentence saying what is wrong with them. */
export function parseArguments(argv: readonly string[]): ImportArguments | string {
  const [command, ...rest] = argv;
  if (command !== 'import')
    return command ? `unknown command "${command}" (the command is import)` : 'no command';
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (!['round', 'class', 'stage'].includes(name)) return `unknown option --${name}`;
      const value = inline ?? rest[++i];
      if (value === undefined || value === '') return `--${name} needs a value`;
      if (options.has(name)) return `--${name} is given twice`;
      options.set(name, value);
    } else positional.push(arg);
  }
  if (positional.length !== 2) return 'give the season folder and the CSV file';
  const roundText = options.get('round');
  if (roundText === undefined) return '--round is required';
  if (!/^\d+$/.test(roundText) || Number(roundText) < 1)
    return `--round "${roundText}" is not a round number`;
  const classId = options.get('class');
  if (classId === undefined) return '--class is required';
  return {
    seasonDir: positional[0] as string,
    csv: positional[1] as string,
    round: Number(roundText),
    classId,
    stage: options.get('stage') ?? null,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname))
  process.exitCode = runResultsCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.env.INIT_CWD || process.cwd(),
  });
