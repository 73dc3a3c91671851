// Runs StrykerJS over the guarantee modules, one group at a time (groups and options: stryker.config.mjs),
// then prints each module's mutation score: `node scripts/mutate.mjs [--ci] [--force] [group…]`.
// With --ci, only the groups that have a `break` score run, and one under it fails the run.
// Started through `npm run mutate` / `npm run mutate:ci` under `nice`.
import { Stryker } from '@stryker-mutator/core';
import { MUTATION_GROUPS } from '../stryker.config.mjs';

const args = process.argv.slice(2);
const ci = args.includes('--ci');
// --force: test every mutant again instead of reusing the incremental results of unchanged code.
const force = args.includes('--force');
const named = args.filter((a) => !a.startsWith('--'));
const unknown = named.filter((name) => !Object.hasOwn(MUTATION_GROUPS, name));
if (unknown.length > 0) {
  console.error(
    `Unknown mutation group ${unknown.join(', ')}; the groups are ${Object.keys(MUTATION_GROUPS).join(', ')}.`,
  );
  process.exit(2);
}
const groups =
  named.length > 0
    ? named
    : Object.keys(MUTATION_GROUPS).filter((name) => !ci || MUTATION_GROUPS[name].break !== null);

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Stryker's score: detected / (detected + undetected); compile and runtime errors and ignored ones do not count. */
function scores(results) {
  const byFile = new Map();
  for (const r of results) {
    const s = byFile.get(r.fileName) ?? { detected: 0, undetected: 0 };
    if (DETECTED.has(r.status)) s.detected++;
    if (UNDETECTED.has(r.status)) s.undetected++;
    byFile.set(r.fileName, s);
  }
  return byFile;
}

const percent = ({ detected, undetected }) =>
  detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
const relative = (file) => file.replace(`${process.cwd()}/`, '');

const summary = [];
let failed = false;
for (const name of groups) {
  const group = MUTATION_GROUPS[name];
  console.log(`\n=== mutation group ${name}: ${group.mutate.join(', ')}`);
  process.env.MUTATION_TESTS = group.testFiles.join(',');
  let results;
  try {
    results = await new Stryker({
      mutate: group.mutate,
      force,
      incrementalFile: `test/mutation/incremental/${name}.json`,
      htmlReporter: { fileName: `reports/mutation/${name}.html` },
      // A group's own StrykerJS options (the season group's ignoreStatic).
      ...group.options,
    }).runMutationTest();
  } catch (error) {
    // One group that cannot run (a crashed test runner) must not hide the others' scores.
    console.error(
      `Mutation group ${name} did not complete: ${error instanceof Error ? error.message : error}`,
    );
    failed = true;
    summary.push([name, '(group) DID NOT COMPLETE', { detected: 0, undetected: 0 }]);
    continue;
  }
  const byFile = scores(results);
  const total = [...byFile.values()].reduce(
    (t, s) => ({ detected: t.detected + s.detected, undetected: t.undetected + s.undetected }),
    { detected: 0, undetected: 0 },
  );
  for (const [file, s] of byFile) summary.push([name, relative(file), s]);
  const low = ci && group.break !== null && percent(total) < group.break;
  if (low) failed = true;
  summary.push([name, low ? `(group) UNDER ${group.break} %` : '(group)', total]);
}

console.log('\ngroup     module                               score   detected  survived/no coverage');
for (const [name, file, s] of summary)
  console.log(
    `${name.padEnd(9)} ${file.padEnd(36)} ${percent(s).toFixed(1).padStart(6)} % ${String(s.detected).padStart(8)}  ${s.undetected}`,
  );
if (failed) {
  console.error(
    'A mutation group did not complete or is under its threshold; docs/mutation.md says what to do.',
  );
  process.exit(1);
}
