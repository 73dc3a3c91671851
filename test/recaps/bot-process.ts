/** The bot run as a child process (test/support/recap-bot-process.ts), so that a test can SIGKILL it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { LocalDiscord } from '@pitboard/local-discord';
import { type LogRecord, REPO_ROOT, waitFor } from './harness.js';

export interface BotProcess {
  readonly child: ChildProcess;
  readonly logs: LogRecord[];
  readonly stderr: string[];
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the bot logged in and the runtime started (the first recap tick is under way). */
  ready(timeoutMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  logged(msg: string): LogRecord[];
}

export function spawnBotProcess(
  discord: LocalDiscord,
  storeUrl: string,
  extraEnv: Record<string, string> = {},
): BotProcess {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.restUrl,
    PITBOARD_STORE_URL: storeUrl,
    PITBOARD_RECAP_SCHEDULE: '*/1 * * * * *',
    ...extraEnv,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/recap-bot-process.ts'], {
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
    async ready(timeoutMs = 30_000) {
      await waitFor(
        () => {
          if (exit)
            throw new Error(
              `the bot process exited (${JSON.stringify(exit)}) before it was ready:\n${stderr.join('\n')}\n${JSON.stringify(logs.slice(-5))}`,
            );
          return logged('recap bot process ready').length > 0;
        },
        'the bot process to be ready',
        timeoutMs,
      );
    },
    kill(signal) {
      if (!exit) child.kill(signal);
      return exited;
    },
  };
}
