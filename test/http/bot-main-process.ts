/** `src/main.ts` as a child process (the production entry, HTTP mode), with its JSON log lines collected. */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import type { LocalDiscord } from '@pitboard/local-discord';
import { type LogRecord, REPO_ROOT, waitFor } from '../recaps/harness.js';

export interface MainProcess {
  readonly child: ChildProcess;
  readonly logs: LogRecord[];
  readonly stderr: string[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once `count` endpoints (workers) said they were ready. */
  ready(count?: number, timeoutMs?: number): Promise<void>;
  logged(msg: string): LogRecord[];
}

export function spawnMain(discord: LocalDiscord, env: Record<string, string>): MainProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.restUrl,
      DISCORD_PUBLIC_KEY: discord.publicKey,
      PITBOARD_MODE: 'http',
      PITBOARD_RECAP_SCHEDULE: '*/1 * * * * *',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogRecord[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout as NonNullable<typeof child.stdout> }).on('line', (line) => {
    try {
      logs.push(JSON.parse(line) as LogRecord);
    } catch {
      logs.push({ level: 30, msg: line });
    }
  });
  createInterface({ input: child.stderr as NonNullable<typeof child.stderr> }).on('line', (line) =>
    stderr.push(line),
  );
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  const logged = (msg: string) => logs.filter((r) => r.msg === msg);
  return {
    child,
    logs,
    stderr,
    exited,
    logged,
    ready: (count = 1, timeoutMs = 45_000) =>
      waitFor(
        () => {
          if (exit)
            throw new Error(
              `main exited (${JSON.stringify(exit)}):\n${stderr.join('\n')}\n${JSON.stringify(logs.slice(-5))}`,
            );
          return logged('interactions endpoint ready').length >= count;
        },
        `${count} endpoint(s) to be ready`,
        timeoutMs,
      ),
  };
}

/** GET /health on a fresh connection (so that each call may reach another worker). */
export function health(port: number): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') }));
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error('health check timed out')));
    req.end();
  });
}
