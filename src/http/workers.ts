import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../logger.js';

export interface SupervisorOptions {
  workers: number;
  logger: Logger;
  /** How long a stop waits for workers to drain before killing them. Default 20 s. */
  stopTimeoutMs?: number;
}

/** A worker that dies sooner than this after starting counts as a crash loop: restarts back off. */
const STABLE_AFTER_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * The primary of `node:cluster` in HTTP mode: starts `workers` copies of this program, which share the
 * listening port (the primary hands connections out round-robin), restarts any that dies (backing off
 * when they die young), and on SIGTERM/SIGINT asks each to stop gracefully and exits once all have.
 * Workers hold no state of their own (Redis has it), so any of them can answer any interaction.
 */
export function superviseWorkers({
  workers,
  logger,
  stopTimeoutMs = 20_000,
}: SupervisorOptions): Promise<number> {
  let stopping = false;
  let backoffMs = 1000;
  const startedAt = new Map<number, number>();

  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
    return worker;
  };

  cluster.on('exit', (worker: Worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) return;
    backoffMs = lived > STABLE_AFTER_MS ? 1000 : Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    logger.error(
      { pid: worker.process.pid, code, signal, restartInMs: backoffMs },
      'worker died; restarting',
    );
    setTimeout(() => {
      if (!stopping) fork();
    }, backoffMs).unref();
  });

  for (let n = 0; n < workers; n++) fork();
  logger.info({ workers }, 'workers started');

  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, 'second signal: killing workers');
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
        resolve(1);
        return;
      }
      stopping = true;
      logger.info({ signal }, 'stopping workers gracefully');
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      const killer = setTimeout(() => {
        for (const worker of alive) worker.process.kill('SIGKILL');
      }, stopTimeoutMs);
      let left = alive.length;
      if (left === 0) resolve(0);
      for (const worker of alive) {
        worker.once('exit', () => {
          left -= 1;
          if (left === 0) {
            clearTimeout(killer);
            resolve(0);
          }
        });
        // Ctrl-C in a terminal signals the whole process group: the workers got SIGINT themselves, and a
        // second signal would make them skip their drain.
        if (signal === 'SIGTERM') worker.process.kill('SIGTERM');
      }
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
