/**
 * The offline CLI contract: `npm run --silent ask -- "<line>" [--json]` and
 * `npm run --silent complete -- "<line>" [--json]`, one-shot and batch (stdin, one reply per line).
 *
 * Most cases call the CLI's main (`runCli`, what src/cli/ask.ts and complete.ts run) in-process with the
 * same arguments, stdin, environment and output streams a process gets: one spawned npm + tsx per case
 * made the suite time out on a busy two-core machine. The process boundary itself (npm passing the
 * arguments through, stdin and stdout of a real process, the exit code) is pinned by a few spawned runs,
 * one at a time, whose output must equal the in-process answer byte for byte.
 */
import { spawn } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';
import { BATCH_SEPARATOR, type CliMode, runCli } from '../../src/cli/run-cli.js';
import { callbackBodyProblems, completionProblems } from '../commands/discord-limits.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A spawned npm + tsx start-up is about 1 s idle; a loaded two-core machine is many times slower. */
const PROCESS_TIMEOUT = 90_000;

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** The environment without the caller's PITBOARD_* settings, plus `env`. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PITBOARD_')));
  return { ...clean, ...env };
}

/** The CLI main in this process, as `npm run --silent <mode> -- ...args` would run it; `stdin` is then closed. */
async function cli(
  mode: CliMode,
  args: string[],
  stdin?: string,
  env: Record<string, string> = {},
): Promise<Run> {
  const stdout = collect();
  const stderr = collect();
  const code = await runCli(mode, args, {
    stdin: Readable.from(stdin ? [stdin] : []),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: cleanEnv(env),
  });
  return { stdout: stdout.text(), stderr: stderr.text(), code };
}

function collect(): { stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** The real npm script in a child process; `stdin` is written then closed. */
function npm(mode: CliMode, args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', mode, '--', ...args], {
      cwd: ROOT,
      env: cleanEnv({}),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(stdin ?? '');
  });
}

/** stdout as JSON Lines: every non-empty line parsed. */
function jsonLines(stdout: string): { type: number; data: Record<string, unknown> & { content?: string } }[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

function firstTitle(body: { data: Record<string, unknown> }): string {
  const embeds = body.data.embeds as { title?: string }[] | undefined;
  return embeds?.[0]?.title ?? '';
}

const BATCH_LINES = [
  '/driver Buhk',
  '/results 4',
  '',
  'nonsense words',
  '/lineup car:9999',
  '/standings pro',
];

describe('ask', () => {
  test('one-shot text: /driver Buhk reads like a profile with 81 points', async ({ expect }) => {
    const run = await cli('ask', ['/driver Buhk']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Maximilian Buhk');
    expect(run.stdout).toMatch(/1st with 81 points/);
    // Readable for a terminal: no JSON, no markdown asterisks.
    expect(run.stdout.trimStart().startsWith('{')).toBe(false);
    expect(run.stdout).not.toContain('**');
    expect(run.stdout).not.toContain(BATCH_SEPARATOR);
  });

  test('--json prints exactly one interaction callback body {"type":4,"data":{…}}', async ({ expect }) => {
    const run = await cli('ask', ['/driver Buhk', '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const body = JSON.parse(run.stdout);
    expect(Object.keys(body)).toEqual(['type', 'data']);
    expect(body.type).toBe(4);
    expect(callbackBodyProblems(body)).toEqual([]);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(firstTitle(body)).toContain('Maximilian Buhk');
    expect(JSON.stringify(body)).toContain('81 points');
  });

  test('the words of a line may come as separate arguments', async ({ expect }) => {
    const split = await cli('ask', ['/driver', 'Buhk', '--json']);
    const whole = await cli('ask', ['/driver Buhk', '--json']);
    expect(split.stdout).toBe(whole.stdout);
  });

  test('the loose form /standings pro equals /standings class:pro', async ({ expect }) => {
    const loose = await cli('ask', ['/standings pro', '--json']);
    const keyed = await cli('ask', ['/standings class:pro', '--json']);
    expect(loose.stdout).toBe(keyed.stdout);
    expect(firstTitle(JSON.parse(loose.stdout))).toMatch(/^Pro Cup/);
  });

  test('/lineup team:"HTP Motorsport" keeps the quoted words together', async ({ expect }) => {
    const run = await cli('ask', ['/lineup team:"HTP Motorsport"', '--json']);
    const body = JSON.parse(run.stdout);
    expect(body.data.flags ?? 0).toBe(0);
    expect(firstTitle(body)).toContain('HTP Motorsport');
    expect(JSON.stringify(body)).toContain('#84');
  });

  test.for([
    ['a blank line', '', /Type a command such as \/standings pro/],
    ['an unknown command', '/podium pro', /^There is no command \/“podium”\./],
    ['nonsense', 'what is love', /^There is no command \/“what”\./],
    ['an unknown option', '/driver nick:Buhk', /\/driver has no option “nick”/],
  ] as const)('%s gets an ephemeral error reply, not a crash', async ([, line, message], { expect }) => {
    const run = await cli('ask', [line, '--json']);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(message);
    expect(callbackBodyProblems(body)).toEqual([]);
  });

  test('PITBOARD_NOW pins the clock: mid-season the next round is Spa', async ({ expect }) => {
    const run = await cli('ask', ['/calendar'], undefined, { PITBOARD_NOW: '2013-07-01T12:00:00Z' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Next: round 4, Spa-Francorchamps');
  });
});

describe('ask, batch from stdin', () => {
  test('--json: one JSON line per input line, in order', async ({ expect }) => {
    const run = await cli('ask', ['--json'], `${BATCH_LINES.join('\n')}\n`);
    expect(run.code).toBe(0);
    const bodies = jsonLines(run.stdout);
    expect(bodies).toHaveLength(BATCH_LINES.length);
    for (const body of bodies) {
      expect(body.type).toBe(4);
      expect(callbackBodyProblems(body)).toEqual([]);
    }
    expect(firstTitle(bodies[0] as (typeof bodies)[0])).toContain('Maximilian Buhk');
    expect(firstTitle(bodies[1] as (typeof bodies)[0])).toContain('Round 4');
    expect(bodies[2]?.data.content).toMatch(/Type a command/);
    expect(bodies[3]?.data.content).toMatch(/There is no command \/“nonsense”/);
    expect(bodies[4]?.data.content).toMatch(/No car #9999/);
    expect(firstTitle(bodies[5] as (typeof bodies)[0])).toMatch(/^Pro Cup/);
    expect(bodies.map((b) => b.data.flags ?? 0)).toEqual([0, 0, 64, 64, 64, 0]);
    // JSON Lines stay one body per line: no separator between them.
    expect(run.stdout).not.toContain(BATCH_SEPARATOR);
  });

  test('text mode: a batch of one line has no separator', async ({ expect }) => {
    const run = await cli('ask', [], '/results 1\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Round 1 · Monza');
    expect(run.stdout).not.toContain(BATCH_SEPARATOR);
  });

  test('the last line needs no newline; CRLF line ends are fine', async ({ expect }) => {
    const run = await cli('ask', ['--json'], '/results 1\r\n/results 2');
    const bodies = jsonLines(run.stdout);
    expect(bodies.map(firstTitle)).toEqual(['Round 1 · Monza', 'Round 2 · Silverstone']);
  });

  test('text mode: one readable reply per line, in order, with a rule line between replies', async ({
    expect,
  }) => {
    const run = await cli('ask', [], `${BATCH_LINES.join('\n')}\n`);
    expect(run.code).toBe(0);
    const marks = [
      'Maximilian Buhk ==',
      'Round 4 · Spa-Francorchamps ==',
      'Type a command',
      'There is no command /“nonsense”',
      'No car #9999',
      'Pro Cup — 2013',
    ];
    // Split on the separator line, each part is exactly one reply: the one for its input line.
    const replies = run.stdout.split(`\n${BATCH_SEPARATOR}\n`);
    expect(replies).toHaveLength(BATCH_LINES.length);
    for (const [i, reply] of replies.entries()) {
      expect(reply).toContain(marks[i]);
      for (const [j, other] of marks.entries()) if (j !== i) expect(reply).not.toContain(other);
    }
    expect(run.stdout.startsWith(BATCH_SEPARATOR)).toBe(false);
    expect(run.stdout.endsWith(`${BATCH_SEPARATOR}\n`)).toBe(false);
    expect(run.stdout.match(/\(only you can see this\)/g)).toHaveLength(3);
  });
});

test('the batch separator is a rule line of 40 box-drawing characters', ({ expect }) => {
  expect(BATCH_SEPARATOR).toBe('─'.repeat(40));
});

describe('complete', () => {
  test('complete -- "/driver name:mü" --json prints {"type":8,"data":{"choices":[…]}}', async ({
    expect,
  }) => {
    const run = await cli('complete', ['/driver name:mü', '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const body = JSON.parse(run.stdout);
    expect(Object.keys(body)).toEqual(['type', 'data']);
    expect(body.type).toBe(8);
    expect(Object.keys(body.data)).toEqual(['choices']);
    expect(completionProblems({ choices: body.data.choices, failure: null, body }, 3)).toEqual([]);
    expect(body.data.choices.map((c: { value: string }) => c.value)).toEqual(
      expect.arrayContaining(['alex-muller', 'dirk-muller', 'stefan-mucke']),
    );
  });

  test('text mode lists "name  →  value" lines', async ({ expect }) => {
    const run = await cli('complete', ['/results round:spa']);
    expect(run.stdout.trim()).toBe('4 · Spa-Francorchamps · 2013-07-28  →  4');
  });

  test('batch: one JSON line per input line, in order, broken lines give no choices', async ({ expect }) => {
    const run = await cli('complete', ['--json'], '/driver name:Nicky\n/nope\n/recap round:nür\n');
    const bodies = jsonLines(run.stdout) as unknown as {
      type: number;
      data: { choices: { value: unknown }[] };
    }[];
    expect(bodies.map((b) => b.type)).toEqual([8, 8, 8]);
    expect(bodies.map((b) => b.data.choices.map((c) => c.value))).toEqual([['nick-catsburg'], [], [5]]);
  });
});

// Sequential on purpose: each case starts npm and tsx, and several at once is what made a busy machine time out.
describe('the real npm scripts, one process each', () => {
  test('npm run --silent ask -- /driver Buhk --json: the in-process answer, exit 0, nothing on stderr', {
    timeout: PROCESS_TIMEOUT,
  }, async ({ expect }) => {
    const real = await npm('ask', ['/driver', 'Buhk', '--json']);
    expect(real).toEqual({
      stdout: (await cli('ask', ['/driver Buhk', '--json'])).stdout,
      stderr: '',
      code: 0,
    });
    expect(JSON.parse(real.stdout).type).toBe(4);
  });

  test('npm run --silent ask with lines on stdin: text replies in order, then exit 0 at end of input', {
    timeout: PROCESS_TIMEOUT,
  }, async ({ expect }) => {
    const input = `${BATCH_LINES.join('\n')}\n`;
    const real = await npm('ask', [], input);
    expect(real).toEqual({ stdout: (await cli('ask', [], input)).stdout, stderr: '', code: 0 });
    expect(real.stdout.split(`\n${BATCH_SEPARATOR}\n`)).toHaveLength(BATCH_LINES.length);
  });

  test('npm run --silent complete -- "/driver name:mü" --json: one type 8 body', {
    timeout: PROCESS_TIMEOUT,
  }, async ({ expect }) => {
    const real = await npm('complete', ['/driver name:mü', '--json']);
    expect(real).toEqual({
      stdout: (await cli('complete', ['/driver name:mü', '--json'])).stdout,
      stderr: '',
      code: 0,
    });
    expect(JSON.parse(real.stdout).type).toBe(8);
  });
});
