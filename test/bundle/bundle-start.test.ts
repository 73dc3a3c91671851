/**
 * What `npm start` runs — the esbuild bundle (scripts/build.mjs) with plain Node — in its two modes, one process
 * each: on a Discord (a token; here the local Discord) it never registers commands (only `npm run deploy`
 * does) and its stdout is the logger's JSON lines only; without a token (the sandbox) the replies go to
 * stdout, the logs to stderr as JSON lines, and the sandbox registers its commands once, itself.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LocalDiscord, startLocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'pitboard-bundle-'));
// Built by scripts/build.mjs exactly as npm start builds it, into a folder of this run's own: other tests
// run `npm start`, which rewrites dist/main.mjs.
const BUNDLE_DIR = `dist/test-bundle-${process.pid}`;

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startBundle(env: Record<string, string>, input?: string): Run {
  const child = spawn(process.execPath, [`${BUNDLE_DIR}/main.mjs`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', DISCORD_TOKEN: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (input !== undefined) child.stdin?.end(input);
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 45_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Lines that are not a JSON object (a log line must be one). */
function nonJsonLines(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => {
      try {
        const value = JSON.parse(line) as unknown;
        return typeof value !== 'object' || value === null || Array.isArray(value);
      } catch {
        return true;
      }
    });
}

const commandPuts = (discord: LocalDiscord) =>
  discord.journal.filter((entry) => entry.method === 'PUT' && /\/commands$/.test(entry.path));

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', BUNDLE_DIR], { cwd: ROOT, stdio: 'pipe' });
}, 60_000);
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(join(ROOT, BUNDLE_DIR), { recursive: true, force: true });
});

describe('the bundle npm start runs', () => {
  test('with a token: no command registration at start, and stdout is JSON log lines only', async () => {
    const discord = await startLocalDiscord({ heartbeatIntervalMs: 250 });
    const guildId = discord.guilds[0]?.id ?? '';
    const run = startBundle({
      LOG_LEVEL: 'debug',
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_GUILD_ID: guildId,
      DISCORD_API_URL: discord.restUrl,
      PITBOARD_STORE_URL: join(scratch, 'bot.sqlite'),
      PITBOARD_RECAP_SCHEDULE: '* * * * * *',
    });
    try {
      await waitUntil(() => run.stdout().includes('Pitboard is running'), 'the bot to start');
      // A few recap ticks, so anything the scheduler prints is printed.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      await discord.close();
    }
    expect(commandPuts(discord)).toEqual([]);
    expect(nonJsonLines(run.stdout())).toEqual([]);
    expect(run.stderr()).toBe('');
  }, 90_000);

  test('without a token (the sandbox): registers once itself; replies on stdout, logs as JSON on stderr; PITBOARD_NOW pins the clock', async () => {
    const run = startBundle(
      { LOG_LEVEL: 'debug', PITBOARD_NOW: '2013-07-01T00:00:00Z' },
      '/driver Buhk\n/calendar text:true\nwait 2\n',
    );
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain('1st with 81 points (published)');
    // PITBOARD_NOW pins the bot's clock as it pins the CLI's.
    expect(run.stdout()).toContain('Next: round 4, Spa-Francorchamps');
    expect(run.stderr()).not.toContain('registration failed');
    expect(nonJsonLines(run.stderr())).toEqual([]);
    const registrations = run
      .stderr()
      .split('\n')
      .filter((line) => line.includes('"sandbox commands registered"'));
    expect(registrations).toHaveLength(1);
  }, 90_000);

  test('a configuration mistake (an impossible PITBOARD_NOW) is said once, in words, with no stack', async () => {
    const run = startBundle({ PITBOARD_NOW: '2013-02-30T00:00:00Z', NODE_ENV: 'production' }, '');
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe(
      'Invalid environment:\n  - PITBOARD_NOW: 30 February 2013 does not exist\n  - DISCORD_TOKEN: required when NODE_ENV=production\n  - DISCORD_APPLICATION_ID: required when NODE_ENV=production\n',
    );
    expect(run.stdout()).toBe('');
  }, 60_000);
});
