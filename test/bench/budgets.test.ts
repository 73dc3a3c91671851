/**
 * `npm run bench -- --check` exits 1 exactly when evaluateBudgets reports a miss: these pin what each
 * budget compares (the uncached rows, and time budgets as ratios to references of the same run).
 */
import { describe, expect, test } from 'vitest';
import { type BenchResults, BUDGETS, evaluateBudgets } from '../../bench/budgets.js';
import type { DeliveryResult, DeliveryRow } from '../../bench/delivery.js';
import type { FanOutResult } from '../../bench/fanout.js';
import type { UncachedResult, UncachedRow } from '../../bench/uncached.js';

function row(label: string, kind: UncachedRow['kind'], p99: number): UncachedRow {
  return {
    label,
    kind,
    requests: 10,
    summary: { n: 10, p50: p99 / 10, p90: p99 / 2, p99, max: p99, mean: p99 / 5 },
    slowest: label,
    slowestMs: p99,
    faults: 0,
  };
}

function uncached(rows: UncachedRow[]): UncachedResult {
  return { season: 's', warmedOn: ['w'], passes: 1, rows };
}

/** A run where only the given sections ran. */
function results(parts: Partial<BenchResults>): BenchResults {
  return {
    handlers: { cases: [], profiles: [], uncached: null },
    growth: null,
    e2e: null,
    startup: null,
    memory: null,
    fanOut: null,
    ...parts,
  } as BenchResults;
}

const budget = (r: BenchResults, id: string) => evaluateBudgets(r).find((b) => b.id === id);

describe('uncached rows: every distinct request once on a fresh model', () => {
  test('bundled: a command row over 0.5 ms p99 misses and is named; autocomplete has 1 ms', () => {
    const r = results({
      handlers: {
        cases: [],
        profiles: [],
        uncached: uncached([
          row('/driver, each person', 'command', 0.45),
          row('/driver, 100-character unknown names', 'command', 0.6),
          row('/driver name, random prefixes', 'autocomplete', 0.9),
        ]),
      },
    });
    expect(budget(r, 'handler-uncached-bundled')).toMatchObject({
      pass: false,
      misses: ['/driver, 100-character unknown names 600 µs'],
    });
    expect(budget(r, 'autocomplete-uncached-bundled')?.pass).toBe(true);
  });

  test('largest season: 2 ms for commands and for autocomplete', () => {
    const growth = (commandMs: number, autocompleteMs: number) =>
      results({
        growth: {
          sizes: [],
          fits: [],
          loadSlope: null,
          profiles: [],
          uncached: uncached([
            row('/lineup, each car', 'command', commandMs),
            row('/lineup team, random prefixes', 'autocomplete', autocompleteMs),
          ]),
        },
      });
    expect(budget(growth(1.9, 1.9), 'handler-uncached-largest')?.pass).toBe(true);
    expect(budget(growth(1.9, 1.9), 'autocomplete-uncached-largest')?.pass).toBe(true);
    expect(budget(growth(2.1, 1.9), 'handler-uncached-largest')?.pass).toBe(false);
    expect(budget(growth(1.9, 2.1), 'autocomplete-uncached-largest')?.pass).toBe(false);
  });

  test('not run when the section did not run', () => {
    expect(budget(results({}), 'handler-uncached-bundled')?.pass).toBeNull();
  });
});

describe('time budgets are ratios to references measured in the same run', () => {
  const startup = (modelReadyMs: number, emptyNodeMs: number, clientMs: number, bareMs: number) =>
    results({
      startup: {
        emptyNodeMs,
        emptyTsxMs: 0,
        bundled: {
          runs: [],
          medianTotalMs: modelReadyMs,
          medianBootMs: 0,
          medianImportMs: 0,
          medianLoadMs: 0,
        },
        tsx: { runs: [], medianTotalMs: 0, medianBootMs: 0, medianImportMs: 0, medianLoadMs: 0 },
        inProcessLoad: { firstMs: 0, warmMedianMs: 0, runs: 0 },
        clientReady: { bundled: { runs: [], medianMs: clientMs }, tsx: { runs: [], medianMs: 0 } },
        bareClientReady: { runs: [], medianMs: bareMs },
      },
    });

  test('model ready against an empty node process: the same ratio passes on a machine 5× slower', () => {
    const limit = BUDGETS.modelReadyRatio;
    expect(budget(startup(50 * limit - 1, 50, 1, 1), 'startup')?.pass).toBe(true);
    expect(budget(startup(250 * limit - 5, 250, 1, 1), 'startup')?.pass).toBe(true);
    expect(budget(startup(50 * limit + 1, 50, 1, 1), 'startup')?.pass).toBe(false);
  });

  test('clientReady against a bare discord.js client', () => {
    const limit = BUDGETS.clientReadyRatio;
    expect(budget(startup(1, 1, 300 * limit - 1, 300), 'client-ready')?.pass).toBe(true);
    expect(budget(startup(1, 1, 300 * limit + 1, 300), 'client-ready')).toMatchObject({
      pass: false,
      measured: expect.stringContaining(`vs 300 ms`),
    });
  });

  test('RSS after the interactions against the bare client after the same interactions', () => {
    const memory = (botMb: number, bareMb: number) => {
      const snapshot = (mb: number) => ({ rss: mb * 2 ** 20 });
      return results({
        memory: {
          scenarios: [
            { name: 'one guild', interactions: 10_000, afterStart: snapshot(80), afterWork: snapshot(botMb) },
            { name: '2500 guilds', interactions: 0, afterStart: snapshot(100), afterWork: null },
            {
              name: 'floor: a bare discord.js client',
              interactions: 10_000,
              afterStart: snapshot(70),
              afterWork: snapshot(bareMb),
            },
          ],
        } as unknown as BenchResults['memory'],
      });
    };
    expect(budget(memory(92, 77), 'rss')?.pass).toBe(true);
    expect(budget(memory(93, 77), 'rss')?.pass).toBe(false);
  });

  test('a reply that uploads a picture is judged by its ratio to the floor it was paired with', () => {
    const e2e = (ratio: number) =>
      results({
        e2e: {
          floorMedianMs: 0.08,
          floorAutocompleteMedianMs: 0.08,
          cases: [
            {
              label: '/standings pro',
              kind: 'command',
              pairs: 1,
              floorLabel: 'floor uploading 128 KiB',
              medianMs: 0.13 * ratio,
              p99Ms: 0.2,
              floorMedianMs: 0.13,
              ratio,
              excessMs: 0,
              answeredMedianMs: 0,
              answeredFloorMedianMs: 0,
              callbackBytes: 131_000,
            },
          ],
          profiles: [],
          faults: 0,
          validationFailures: 0,
          unexpectedRoutes: 0,
        },
      });
    expect(budget(e2e(1.05), 'e2e')?.pass).toBe(true);
    expect(budget(e2e(1.2), 'e2e')).toMatchObject({
      pass: false,
      misses: ['/standings pro ×1.20 vs floor uploading 128 KiB'],
    });
  });
});

describe('recap fan-out: time against the floor, and nothing lost, doubled or refused', () => {
  const run = (over: Partial<FanOutResult>): FanOutResult => ({
    restOffset: 0,
    pacerPerSecond: 48,
    store: 'redis',
    guilds: 10_000,
    globalPerSecond: 50,
    floorSeconds: 200,
    seconds: 210,
    ratio: 1.05,
    settingsSeconds: 1,
    report: { due: 10_000, sent: 10_000, skipped: 0, failed: 0, retryLater: 0, aborted: null },
    duplicates: 0,
    losses: 0,
    status429: 0,
    rateLimitedWarnings: 0,
    validationFailures: 0,
    perSecond: [],
    ...over,
  });

  test('within 1.10 × the floor with nothing lost, doubled or refused passes', () => {
    expect(budget(results({ fanOut: run({}) }), 'fanout')).toMatchObject({ pass: true, misses: [] });
  });

  test('a single 429 misses even when fast and complete', () => {
    expect(budget(results({ fanOut: run({ status429: 1 }) }), 'fanout')).toMatchObject({
      pass: false,
      misses: ['1 429s'],
    });
  });

  test('40/s on 10,000 servers (250 s, ×1.25) misses on time; duplicates and losses are named', () => {
    const slow = run({ seconds: 250, ratio: 1.25, duplicates: 2, losses: 1 });
    expect(budget(results({ fanOut: slow }), 'fanout')).toMatchObject({
      pass: false,
      misses: ['250.0 s > 220.0 s', '2 duplicates', '1 losses'],
    });
    expect(BUDGETS.fanOutRatio).toBe(1.1);
  });

  test('not run when the section did not run', () => {
    expect(budget(results({}), 'fanout')?.pass).toBeNull();
  });
});

describe('HTTP inline replies against gateway replies (issue 14 blocked on the round trip; the worker counted)', () => {
  const row = (
    label: string,
    inside: { httpWithoutCheckMs: number; gatewayMs: number } | null,
    roundTrip = { httpMedianMs: 0.7, gatewayMedianMs: 0.6 },
  ): DeliveryRow => ({
    label,
    samples: 20,
    ...roundTrip,
    httpFloorMs: 0.5,
    gatewayFloorMs: 0.6,
    ...(inside && { inProcess: { ...inside, httpMs: inside.httpWithoutCheckMs + 0.09, httpCheckMs: 0.09 } }),
  });
  const delivery = (rows: DeliveryRow[]) => ({ rows }) as unknown as DeliveryResult;

  test('every worker at or under its gateway bot, check removed, passes; the round trip over it is reported', () => {
    const r = results({
      delivery: delivery([
        row('/driver Buhk', { httpWithoutCheckMs: 0.15, gatewayMs: 0.25 }),
        row('/calendar', { httpWithoutCheckMs: 0.2, gatewayMs: 0.2 }),
      ]),
    });
    expect(budget(r, 'http-inline')).toMatchObject({ pass: true, misses: [] });
    expect(budget(r, 'http-inline')?.measured).toContain('round trip (issue 14, reported, not counted)');
    expect(budget(r, 'http-inline')?.measured).toContain('0/2 within');
  });

  test('one worker slower than its gateway bot misses and is named, whatever the others', () => {
    const r = results({
      delivery: delivery([
        row('/driver Buhk', { httpWithoutCheckMs: 0.15, gatewayMs: 0.25 }),
        row('/calendar', { httpWithoutCheckMs: 0.3, gatewayMs: 0.25 }),
      ]),
    });
    expect(budget(r, 'http-inline')).toMatchObject({ pass: false, misses: ['/calendar 300 µs > 250 µs'] });
  });

  test('a missing median (NaN) is a miss, not a pass', () => {
    const r = results({
      delivery: delivery([row('/calendar', { httpWithoutCheckMs: Number.NaN, gatewayMs: 0.9 })]),
    });
    expect(budget(r, 'http-inline')?.pass).toBe(false);
  });

  test('a row timed only from outside is a miss, not a pass', () => {
    const r = results({
      delivery: delivery([
        row('/driver Buhk', { httpWithoutCheckMs: 0.15, gatewayMs: 0.25 }),
        row('/calendar', null),
      ]),
    });
    expect(budget(r, 'http-inline')).toMatchObject({
      pass: false,
      misses: ['rows without in-process times'],
    });
  });

  test('not run when the section did not run', () => {
    expect(budget(results({}), 'http-inline')?.pass).toBeNull();
  });
});
