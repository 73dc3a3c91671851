import { readFileSync } from 'node:fs';
import type { Client } from 'discord.js';

/**
 * The IPC protocol of the bot probes (memory-bot.ts, bare-client.ts) with bench/memory.ts: 'ready' once
 * logged in; 'measure' (optionally after a forced GC) answers 'measured'; 'stop' stops gracefully, answers
 * 'stopped' and disconnects. Environment shared by both: BENCH_TOKEN, BENCH_API_URL, …
 */
type Request = { type: 'measure'; gc: boolean } | { type: 'stop' };

export function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export function serveProbe(probe: {
  client: Client;
  counts: () => { interactions: number; faults: number };
  stop: () => Promise<unknown>;
  /** Sent with 'ready' (the HTTP endpoint's URL in HTTP mode). */
  ready?: Record<string, unknown>;
}): void {
  const send = (message: unknown) => process.send?.(message);
  const measure = (gc: boolean) => {
    if (gc) (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    return {
      rss: m.rss,
      heapUsed: m.heapUsed,
      heapTotal: m.heapTotal,
      external: m.external,
      arrayBuffers: m.arrayBuffers,
      ...rssSplit(),
      guilds: probe.client.guilds.cache.size,
      channels: probe.client.channels.cache.size,
      users: probe.client.users.cache.size,
      ...probe.counts(),
    };
  };
  process.on('message', (request: Request) => {
    if (request.type === 'measure') send({ type: 'measured', memory: measure(request.gc) });
    else if (request.type === 'stop')
      void probe.stop().then(() => {
        send({ type: 'stopped' });
        process.disconnect();
      });
  });
  send({ ...probe.ready, type: 'ready' });
}

/**
 * RSS split as Linux reports it (/proc/self/status): anonymous memory (heaps, allocator arenas — what the
 * process itself allocated) and file-backed pages (the node binary, native addons — shared with other
 * processes and varying with the page cache from run to run). Nothing where /proc is not available.
 */
function rssSplit(): { rssAnon?: number; rssFile?: number } {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    const rssAnon = kb('RssAnon') * 1024;
    const rssFile = kb('RssFile') * 1024;
    return Number.isFinite(rssAnon) && Number.isFinite(rssFile) ? { rssAnon, rssFile } : {};
  } catch {
    return {};
  }
}
