/**
 * When no season can be served, `ask` and `npm start` print why — the problems as check:data prints them,
 * or what to change — and exit 1, without a stack. The CLI runs in-process; `npm start`'s entry once.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { loadSeasonFolder } from '../../src/season/load.js';
import { formatFolderProblems } from '../../src/season/problems.js';
import { BUNDLED, copySeason, removeCopies, SEASON, tempDataDir } from './season-copy.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
afterEach(removeCopies);

async function ask(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const code = await runCli('ask', ['/standings pro'], { stdin: new PassThrough(), stdout, stderr, env });
  return { code, stdout: out, stderr: err };
}

/** A broken copy, and the report check:data prints for it. */
function brokenSeason() {
  const folder = copySeason({ 'standings.yaml': (t) => t.replace('points: 81', 'points: "81 pts"') });
  const result = loadSeasonFolder(folder);
  if (result.ok) throw new Error('expected the copy to be broken');
  return { directory: dirname(folder), report: formatFolderProblems(folder, result.problems) };
}

function loopingDataDir(): string {
  const directory = tempDataDir();
  symlinkSync('loop', join(directory, 'loop'));
  return directory;
}

describe('ask with no season to serve', () => {
  test.each<[string, () => { env: Record<string, string>; expected: (string | RegExp)[] }]>([
    [
      'a broken file: the same file/line/field report as check:data',
      () => {
        const { directory, report } = brokenSeason();
        return {
          env: { PITBOARD_DATA_DIR: directory },
          expected: [
            `No season could be loaded from ${directory}:`,
            report,
            /standings\.yaml:24 {2}classes\[0\]\.rows\[0\]\.points: expected a number, got the text "81 pts"/,
          ],
        };
      },
    ],
    [
      'the data folder is a season folder: its parent is named',
      () => ({
        env: { PITBOARD_DATA_DIR: BUNDLED },
        expected: [
          `${BUNDLED} is a season folder itself`,
          `Set PITBOARD_DATA_DIR to its parent: ${dirname(BUNDLED)}`,
        ],
      }),
    ],
    [
      'an unknown default season: the seasons that exist are named',
      () => ({
        env: { PITBOARD_DEFAULT_SEASON: 'nope' },
        expected: [
          `The default season "nope" (PITBOARD_DEFAULT_SEASON) is not among the seasons`,
          `: ${SEASON}.`,
        ],
      }),
    ],
    [
      'a missing data folder',
      () => {
        const missing = join(tempDataDir(), 'nope');
        return {
          env: { PITBOARD_DATA_DIR: missing },
          expected: [`the data folder ${missing} does not exist`, 'must hold one sub-folder per season'],
        };
      },
    ],
    [
      'an empty data folder',
      () => {
        const directory = tempDataDir();
        mkdirSync(join(directory, 'notes'), { recursive: true });
        return {
          env: { PITBOARD_DATA_DIR: join(directory, 'notes') },
          expected: [`${join(directory, 'notes')} has no season folders`],
        };
      },
    ],
    [
      'a season folder that is a symlink loop',
      () => {
        const directory = loopingDataDir();
        return {
          env: { PITBOARD_DATA_DIR: directory },
          expected: [`${join(directory, 'loop')}: 1 problem`, 'is a symbolic link that loops back on itself'],
        };
      },
    ],
  ])('%s', async (_name, make) => {
    const { env, expected } = make();
    const { code, stdout, stderr } = await ask(env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    for (const part of expected) expect(stderr).toMatch(typeof part === 'string' ? escapeRegExp(part) : part);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  test('one broken season among good ones: the others are served, the broken one is reported', async () => {
    const directory = tempDataDir();
    copySeason({}, directory);
    copySeason({ 'teams.yaml': '' }, directory, '2014-blancpain-endurance-series');
    const { code, stdout, stderr } = await ask({ PITBOARD_DATA_DIR: directory });
    expect(code).toBe(0);
    expect(stdout).toMatch(/Pro Cup/);
    expect(stderr).toMatch(
      /2014-blancpain-endurance-series: 1 problem\n {2}teams\.yaml {2}\(file\): the file is empty/,
    );
  });
});

describe('npm start with no season to serve', () => {
  test('the report on stderr, exit 1, no stack and no bundled source', async () => {
    const { directory, report } = brokenSeason();
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('PITBOARD_') && !k.startsWith('DISCORD_')),
    );
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env: { ...clean, PITBOARD_DATA_DIR: directory, LOG_LEVEL: 'silent' },
        stdio: ['pipe', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
      child.stdin.end();
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(report);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr.length).toBeLessThan(report.length + 500);
  }, 60_000);
});

function escapeRegExp(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
