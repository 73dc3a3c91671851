/**
 * The README's "Run your own season" walkthrough, as a newcomer runs it: `npm start` (the sandbox) on the
 * example league season, /setup announcements, then the round imported from another shell: the recap
 * arrives in #announcements; a corrected import edits it (shown again, marked edited).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runResultsCli } from '../../src/cli/results-import.js';
import { EXAMPLE_CSV_DIR, EXAMPLE_ID } from '../live/example-season.js';
import { REPO_ROOT, tempDir, waitFor } from './harness.js';

const scratch = tempDir('sandbox-import');
let child: ChildProcessWithoutNullStreams | null = null;
afterAll(() => {
  if (child && child.exitCode === null) child.kill();
  scratch.remove();
});

function importRound4(csv: string): number {
  const io = { stdout: { write: () => true }, stderr: { write: (t: string) => process.stderr.write(t) } };
  return runResultsCli(['import', join(scratch.dir, EXAMPLE_ID), '--round', '4', '--class', 'pro', csv], io);
}

test('import round 4 while the sandbox runs: one recap arrives; a corrected import edits it', async () => {
  cpSync(join(REPO_ROOT, 'examples', 'seasons', EXAMPLE_ID), join(scratch.dir, EXAMPLE_ID), {
    recursive: true,
  });
  const sandbox = spawn('npm', ['run', '--silent', 'start'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DISCORD_TOKEN: '',
      DISCORD_APPLICATION_ID: '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PITBOARD_DATA_DIR: scratch.dir,
      // Three days after round 4 (22 November 2026): its results land late, as they often do.
      PITBOARD_NOW: '2026-11-25T12:00:00Z',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child = sandbox;
  let stdout = '';
  sandbox.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  sandbox.stderr.on('data', () => undefined);
  const exited = new Promise<number | null>((resolve) => sandbox.once('exit', resolve));

  sandbox.stdin.write('/setup announcements channel:#announcements\n');
  await waitFor(() => stdout.includes('Recaps for 2026 Example Endurance League'), 'the setup reply', 45_000);
  expect(importRound4(join(EXAMPLE_CSV_DIR, 'round-04-pro.csv'))).toBe(0);
  await waitFor(() => stdout.includes('Round 4 recap'), 'the recap in #announcements', 30_000);
  const fixed = join(scratch.dir, 'round-04-pro-fixed.csv');
  writeFileSync(
    fixed,
    'position,car,status,drivers\n1,1,,\n2,22,,Gia Greco;Hugo Hale;Ivan Ilić\n3,33,,\n,7,DNF,\n',
  );
  expect(importRound4(fixed)).toBe(0);
  await waitFor(() => stdout.includes('✎ Message edited in #announcements'), 'the edited recap', 30_000);
  sandbox.stdin.end('wait 1\n');
  expect(await exited).toBe(0);

  expect(stdout.match(/📣 New message in #announcements/g)).toHaveLength(1);
  expect(stdout).toContain('🥇 #22 Meridian GT — 🇮🇹 Gia Greco, 🇬🇧 Hugo Hale, 🇷🇸 Ivan Ilic');
  expect(stdout).toContain('✎ Corrected after posting: Pro Cup P1: #22 Meridian GT');
  // Rounds 1–3 were in when the sandbox started: not recapped as if new.
  expect(stdout).not.toMatch(/Round [123] recap/);
}, 120_000);
