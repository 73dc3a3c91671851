/**
 * The bot as a child process, with its JSON log lines collected, so that a test can kill it: either the
 * production entry (`src/main.ts`, HTTP mode) or the recap bot entry (test/support/recap-bot-process.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import type { LocalDiscord } from '@pitboard/local-discord';
import { type LogRecord, REPO_ROOT, waitFor } from '../recaps/harness.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcess {
  readonly child: ChildProcess;
  readonly logs: LogRecord[];
  readonly stderr: string[];
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  readonly exited: Promise<Exit>;
  /** Resolves once `count` processes (workers) logged that they were ready. */
  ready(options?: { count?: number; timeoutMs?: number }): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<Exit>;
  logged(msg: string): LogRecord[];
}

/** `src/main.ts` (the production entry) in HTTP mode. */
export function spawnMain(discord: LocalDiscord, env: Record<string, string>): BotProcess {
  return spawnBot({
    entry: 'src/main.ts',
    readyMessage: 'interactions endpoint ready',
    env: {
      ...discordEnv(discord),
      DISCORD_PUBLIC_KEY: discord.publicKey,
      PITBOARD_MODE: 'http',
      ...env,
    },
  });
}

/** The gateway bot with its recap runtime (test/support/recap-bot-process.ts), storing in `storeUrl`. */
export function spawnBotProcess(
  discord: LocalDiscord,
  storeUrl: string,
  extraEnv: Record<string, string> = {},
): BotProcess {
  return spawnBot({
    entry: 'test/support/recap-bot-process.ts',
    readyMessage: 'recap bot process ready',
    env: { ...discordEnv(discord), PITBOARD_STORE_URL: storeUrl, ...extraEnv },
  });
}

function discordEnv(discord: LocalDiscord): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.restUrl,
    PITBOARD_RECAP_SCHEDULE: '*/1 * * * * *',
  };
}

function spawnBot({
  entry,
  readyMessage,
  env,
}: {
  entry: string;
  readyMessage: string;
  env: NodeJS.ProcessEnv;
}): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: REPO_ROOT,
    env,
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
  let exit: Exit | null = null;
  const exited = new Promise<Exit>((resolve) => {
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
    ready: ({ count = 1, timeoutMs = 45_000 } = {}) =>
      waitFor(
        () => {
          if (exit)
            throw new Error(
              `${entry} exited (${JSON.stringify(exit)}) before it was ready:\n${stderr.join('\n')}\n${JSON.stringify(logs.slice(-5))}`,
            );
          return logged(readyMessage).length >= count;
        },
        `${count} ${entry} process(es) to be ready`,
        timeoutMs,
      ),
    kill(signal) {
      if (!exit) child.kill(signal);
      return exited;
    },
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
