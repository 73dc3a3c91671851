/**
 * The sandbox with PITBOARD_STORE_URL pointing at a Redis nobody runs: it answers that storage is
 * unavailable, and it exits — at the end of its input and on `quit` with the input still open — instead of
 * hanging on a store client that reconnects forever.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { freePort } from '../support/redis-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Far above a normal exit (seconds), far below a hang: the child is killed then, and the test fails. */
const KILL_AFTER_MS = 60_000;
let storeUrl: string;

beforeAll(async () => {
  storeUrl = `redis://127.0.0.1:${await freePort()}`;
});

/** `npm start` without a token; `endInput` false leaves standard input open after the lines. */
function sandbox(input: string, endInput: boolean) {
  return new Promise<{ code: number | null; killed: boolean; stdout: string }>((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DISCORD_TOKEN: '',
        DISCORD_APPLICATION_ID: '',
        NODE_ENV: 'development',
        LOG_LEVEL: 'silent',
        PITBOARD_STORE_URL: storeUrl,
      },
      stdio: ['pipe', 'pipe', 'ignore'],
      detached: true,
    });
    let stdout = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const timer = setTimeout(() => {
      killed = true;
      // npm runs node as its child: end the whole group this test started.
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, KILL_AFTER_MS);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ code, killed, stdout });
    });
    if (endInput) child.stdin.end(input);
    else child.stdin.write(input);
  });
}

test('end of input: /setup show says storage is unavailable, then the sandbox exits', async () => {
  const { code, killed, stdout } = await sandbox('/setup show\n', true);
  expect(killed).toBe(false);
  expect(code).toBe(0);
  expect(stdout).toContain('Settings storage is unavailable right now');
}, 90_000);

test('quit with the input still open: the sandbox exits', async () => {
  const { code, killed, stdout } = await sandbox('/driver Buhk\nquit\n', false);
  expect(killed).toBe(false);
  expect(code).toBe(0);
  expect(stdout).toContain('81 points');
}, 90_000);
