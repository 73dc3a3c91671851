import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm start` as a newcomer runs it, with lines piped in; a .env in the checkout must not leak in. */
function npmStart(
  input: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DISCORD_TOKEN: '',
        DISCORD_APPLICATION_ID: '',
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('npm start without a token: the sandbox', () => {
  test('answers /driver Buhk through the real client and the local Discord, then exits 0 at end of input', async () => {
    const { code, stdout } = await npmStart('/driver Buhk\nlocale fr\nlocale pt-BR\n');
    expect(code).toBe(0);
    expect(stdout).toContain('Commands are now sent with locale fr.');
    expect(stdout).toContain('"locale" takes one of en, en-GB, en-US, fr, de, it, nl, es-ES (got "pt-BR").');
    expect(stdout).toMatch(/Pitboard sandbox — a local Discord on 127\.0\.0\.1:\d+/);
    expect(stdout).toContain('To run on real Discord instead');
    expect(stdout).toContain('1st with 81 points (published)');
  }, 60_000);

  test('a user mistake is answered privately, and a recap arrives in #announcements when replay makes round 1 due', async () => {
    const { code, stdout } = await npmStart(
      [
        '/results 9',
        '/setup announcements channel:#announcements',
        '/setup replay start:now speed:100000',
        'wait 4',
        '/setup show',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('There is no round 9');
    expect(stdout).toContain('(only you can see this)');
    expect(stdout).toContain('📣 New message in #announcements');
    expect(stdout).toContain('Round 1 recap · Monza');
    expect(stdout).toMatch(/Last recap: round 1 of 2013-blancpain-endurance-series/);
    expect(stdout.match(/Round 1 recap · Monza/g)).toHaveLength(1);
  }, 60_000);

  test('NODE_ENV=production without a token refuses to start, naming the variable', async () => {
    const { code, stdout, stderr } = await npmStart('/driver Buhk\n', { NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(stderr).toContain('DISCORD_TOKEN: required when NODE_ENV=production');
    expect(stdout).not.toContain('81 points');
  }, 60_000);
});
