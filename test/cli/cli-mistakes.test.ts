/**
 * The CLI's operator mistakes get one sentence, never a stack or a hang: an unusable `--out` directory
 * (the answer is still printed, then one line says why the picture was not written) and a PITBOARD_NOW that
 * is not a real instant. In-process where that is enough; two processes for what only a process shows
 * (a spin that would block the test itself, a stack printed at top level).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { createAppContext } from '../../src/core/app-context.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'pitboard-cli-mistakes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const app = createAppContext({ now: () => new Date('2013-12-01T00:00:00Z') });

async function ask(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await runCli(
    'ask',
    argv,
    {
      stdin: new PassThrough(),
      stdout: sink((t) => {
        stdout += t;
      }),
      stderr: sink((t) => {
        stderr += t;
      }),
      env: {},
    },
    app,
  );
  return { code, stdout, stderr };
}

/** A TypeScript entry run as its own process, killed if it outlives `timeoutMs` (then `hung` is true). */
function runProcess(
  script: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string; hung: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, hung });
    });
  });
}

describe('--out DIR that cannot be used: the answer, then one line why the picture was not written', () => {
  test.each([
    [
      'a path under a file',
      '/etc/passwd/sub',
      'The picture could not be written: /etc/passwd is not a directory.',
    ],
    ['a device', '/dev/null', 'The picture could not be written: /dev/null is not a directory.'],
  ])('%s (%s)', async (_label, outDir, line) => {
    const { code, stdout, stderr } = await ask(['/standings pro', '--out', outDir]);
    expect(stdout).toContain('Pro Cup');
    expect(stderr).toBe(`${line}\n`);
    expect(code).toBe(1);
  });

  test('with --json the body stays exactly the callback body; the line goes to stderr', async () => {
    const { stdout, stderr } = await ask(['/standings pro', '--json', '--out', '/dev/null']);
    expect(JSON.parse(stdout)).toMatchObject({ type: 4 });
    expect(stderr).toBe('The picture could not be written: /dev/null is not a directory.\n');
  });

  test('a directory that does not exist yet is created, parents too', async () => {
    const dir = join(scratch, 'a', 'b');
    const { code, stdout } = await ask(['/standings pro', '--out', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`wrote ${dir}/`);
    expect(readdirSync(dir).length).toBeGreaterThan(0);
  });

  // Only in a process: a synchronous spin in this worker could not be timed out.
  test('/proc/nope (where Node 20 recursive mkdir spins forever) answers and exits, in a process', async () => {
    const run = await runProcess('src/cli/ask.ts', ['/standings pro', '--out', '/proc/nope'], {
      PITBOARD_NOW: '2013-12-01T00:00:00Z',
    });
    expect(run.hung).toBe(false);
    expect(run.stdout).toContain('Pro Cup');
    expect(run.stderr).toBe(
      'The picture could not be written: /proc/nope cannot be created (no such file or directory).\n',
    );
    expect(run.code).toBe(1);
  }, 90_000);
});

test('PITBOARD_NOW on an impossible date: one line naming it, exit 2, no stack', async () => {
  const run = await runProcess('src/cli/complete.ts', ['/driver name:bu'], {
    PITBOARD_NOW: '2013-02-30T00:00:00Z',
  });
  expect(run.stderr).toBe('PITBOARD_NOW: 30 February 2013 does not exist\n');
  expect(run.stdout).toBe('');
  expect(run.code).toBe(2);
}, 90_000);
