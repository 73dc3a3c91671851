import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Runs in its own process, with its own event loop and threadpool: while the file is locked, the bot's
// waiting SQLite calls can hold up the test process, which must not delay the release.
const LOCKER = `
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database(process.argv[1]);
db.configure('busyTimeout', 5000);
const say = (line) => process.stdout.write(line + '\\n');
require('node:readline').createInterface({ input: process.stdin }).on('line', (command) => {
  const [verb, holdMs] = command.split(' ');
  if (verb === 'lock')
    db.exec('BEGIN EXCLUSIVE', (e) => {
      say(e ? 'error ' + e.message : 'locked');
      if (!e && holdMs) setTimeout(() => db.exec('ROLLBACK', (r) => say(r ? 'error ' + r.message : 'released ' + Date.now())), Number(holdMs));
    });
  else if (command === 'release') db.exec('ROLLBACK', (e) => say(e ? 'error ' + e.message : 'released ' + Date.now()));
  else if (command === 'quit') db.close(() => process.exit(0));
});
say('ready');
`;

export interface SqliteLocker {
  /**
   * `BEGIN EXCLUSIVE` on a connection of another process; resolves once the lock is held. With `holdMs`
   * the other process rolls back by itself after that long (on its own clock: the test process's event
   * loop may be the one that is stuck) — await `released()`.
   */
  lock(holdMs?: number): Promise<void>;
  /** After `lock(holdMs)`: resolves with the instant (epoch ms) the other process rolled back. */
  released(timeoutMs?: number): Promise<number>;
  /** `ROLLBACK`: the lock is gone when this resolves (with the instant it went, epoch ms). */
  release(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Another process with its own connection to the SQLite file `path` (the `sqlite3` package, as the bot
 * uses), ready to take and drop an exclusive lock on command, in a few milliseconds.
 */
export async function startSqliteLocker(path: string): Promise<SqliteLocker> {
  const child: ChildProcess = spawn(process.execPath, ['-e', LOCKER, path], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout as NonNullable<typeof child.stdout> }).on('line', (line) => {
    const waiter = waiters.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  const next = (timeoutMs = 10_000) =>
    new Promise<string>((resolve, reject) => {
      const queued = lines.shift();
      if (queued !== undefined) return resolve(queued);
      const timer = setTimeout(() => reject(new Error('the SQLite locker did not answer')), timeoutMs);
      waiters.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  const command = async (text: string, expected: string): Promise<string> => {
    child.stdin?.write(`${text}\n`);
    const line = await next();
    if (line.split(' ')[0] !== expected) throw new Error(`SQLite locker: ${text} → ${line}`);
    return line;
  };
  const releasedAt = (line: string) => Number(line.split(' ')[1]);
  const ready = await next();
  if (ready !== 'ready') throw new Error(`SQLite locker did not start: ${ready}`);
  return {
    lock: async (holdMs) => {
      await command(holdMs === undefined ? 'lock' : `lock ${holdMs}`, 'locked');
    },
    async released(timeoutMs = 30_000) {
      const line = await next(timeoutMs);
      if (!line.startsWith('released ')) throw new Error(`SQLite locker: expected released, got ${line}`);
      return releasedAt(line);
    },
    release: async () => releasedAt(await command('release', 'released')),
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin?.write('quit\n');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
