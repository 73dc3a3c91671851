/**
 * The offline CLI contract, through the real npm scripts: `npm run --silent ask -- "<line>" [--json]` and
 * `npm run --silent complete -- "<line>" [--json]`, one-shot and batch (stdin, one reply per line).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';
import { BATCH_SEPARATOR } from '../../src/cli/run-cli.js';
import { callbackBodyProblems, completionProblems } from '../commands/discord-limits.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TIMEOUT = 20_000;

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Run an npm script with a clean PITBOARD_* environment; `stdin` lines are written then stdin is closed. */
function npm(
  script: 'ask' | 'complete',
  args: string[],
  stdin?: string,
  env: Record<string, string> = {},
): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PITBOARD_')));
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: ROOT,
      env: { ...clean, ...env },
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

describe.concurrent('npm run ask', () => {
  test('one-shot text: /driver Buhk reads like a profile with 81 points', { timeout: TIMEOUT }, async ({
    expect,
  }) => {
    const run = await npm('ask', ['/driver Buhk']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Maximilian Buhk');
    expect(run.stdout).toMatch(/1st with 81 points/);
    // Readable for a terminal: no JSON, no markdown asterisks.
    expect(run.stdout.trimStart().startsWith('{')).toBe(false);
    expect(run.stdout).not.toContain('**');
    expect(run.stdout).not.toContain(BATCH_SEPARATOR);
  });

  test('--json prints exactly one interaction callback body {"type":4,"data":{…}}', {
    timeout: TIMEOUT,
  }, async ({ expect }) => {
    const run = await npm('ask', ['/driver Buhk', '--json']);
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

  test('the words of a line may come as separate arguments', { timeout: TIMEOUT }, async ({ expect }) => {
    const [split, whole] = await Promise.all([
      npm('ask', ['/driver', 'Buhk', '--json']),
      npm('ask', ['/driver Buhk', '--json']),
    ]);
    expect(split.stdout).toBe(whole.stdout);
  });

  test('the loose form /standings pro equals /standings class:pro', { timeout: TIMEOUT }, async ({
    expect,
  }) => {
    const [loose, keyed] = await Promise.all([
      npm('ask', ['/standings pro', '--json']),
      npm('ask', ['/standings class:pro', '--json']),
    ]);
    expect(loose.stdout).toBe(keyed.stdout);
    expect(firstTitle(JSON.parse(loose.stdout))).toMatch(/^Pro Cup/);
  });

  test('/lineup team:"HTP Motorsport" keeps the quoted words together', { timeout: TIMEOUT }, async ({
    expect,
  }) => {
    const run = await npm('ask', ['/lineup team:"HTP Motorsport"', '--json']);
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
  ] as const)(
    '%s gets an ephemeral error reply, not a crash',
    { timeout: TIMEOUT },
    async ([, line, message], { expect }) => {
      const run = await npm('ask', [line, '--json']);
      expect(run.code).toBe(0);
      const body = JSON.parse(run.stdout);
      expect(body.type).toBe(4);
      expect(body.data.flags).toBe(64);
      expect(body.data.content).toMatch(message);
      expect(callbackBodyProblems(body)).toEqual([]);
    },
  );

  test('PITBOARD_NOW pins the clock: mid-season the next round is Spa', { timeout: TIMEOUT }, async ({
    expect,
  }) => {
    const run = await npm('ask', ['/calendar'], undefined, { PITBOARD_NOW: '2013-07-01T12:00:00Z' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Next: round 4, Spa-Francorchamps');
  });
});

describe.concurrent('npm run ask, batch from stdin', () => {
  const LINES = ['/driver Buhk', '/results 4', '', 'nonsense words', '/lineup car:9999', '/standings pro'];

  test('--json: one JSON line per input line, in order', { timeout: TIMEOUT }, async ({ expect }) => {
    const run = await npm('ask', ['--json'], `${LINES.join('\n')}\n`);
    expect(run.code).toBe(0);
    const bodies = jsonLines(run.stdout);
    expect(bodies).toHaveLength(LINES.length);
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

  test('text mode: a batch of one line has no separator', { timeout: TIMEOUT }, async ({ expect }) => {
    const run = await npm('ask', [], '/results 1\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Round 1 · Monza');
    expect(run.stdout).not.toContain(BATCH_SEPARATOR);
  });

  test('the last line needs no newline; CRLF line ends are fine', { timeout: TIMEOUT }, async ({
    expect,
  }) => {
    const run = await npm('ask', ['--json'], '/results 1\r\n/results 2');
    const bodies = jsonLines(run.stdout);
    expect(bodies.map(firstTitle)).toEqual(['Round 1 · Monza', 'Round 2 · Silverstone']);
  });

  test('text mode: one readable reply per line, in order, with a rule line between replies', {
    timeout: TIMEOUT,
  }, async ({ expect }) => {
    const run = await npm('ask', [], `${LINES.join('\n')}\n`);
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
    expect(replies).toHaveLength(LINES.length);
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

describe.concurrent('npm run complete', () => {
  test('complete -- "/driver name:mü" --json prints {"type":8,"data":{"choices":[…]}}', {
    timeout: TIMEOUT,
  }, async ({ expect }) => {
    const run = await npm('complete', ['/driver name:mü', '--json']);
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

  test('text mode lists "name  →  value" lines', { timeout: TIMEOUT }, async ({ expect }) => {
    const run = await npm('complete', ['/results round:spa']);
    expect(run.stdout.trim()).toBe('4 · Spa-Francorchamps · 2013-07-28  →  4');
  });

  test('batch: one JSON line per input line, in order, broken lines give no choices', {
    timeout: TIMEOUT,
  }, async ({ expect }) => {
    const run = await npm('complete', ['--json'], '/driver name:Nicky\n/nope\n/recap round:nür\n');
    const bodies = jsonLines(run.stdout) as unknown as {
      type: number;
      data: { choices: { value: unknown }[] };
    }[];
    expect(bodies.map((b) => b.type)).toEqual([8, 8, 8]);
    expect(bodies.map((b) => b.data.choices.map((c) => c.value))).toEqual([['nick-catsburg'], [], [5]]);
  });
});
