/**
 * What users hit: every distinct request once, on a freshly loaded model (no reply memo hits), after the
 * JIT has been warmed on the same kinds of requests against other seasons. The repeated-case rows of
 * bench/handlers.ts answer the same request thousands of times, so they mostly time a memo lookup.
 */
import type { AppContext } from '../src/core/app-context.js';
import type { FocusedOption, OptionValues } from '../src/core/command.js';
import { runAutocomplete, runCommand } from '../src/core/run-command.js';
import { classesWithStandings } from '../src/season/computed-table.js';
import type { SeasonModel } from '../src/season/model.js';
import { latestClassifiedRound } from '../src/season/standings-engine.js';
import { BENCH_INVOKER, requireCommand } from './handlers.js';
import { seededRandom } from './random.js';
import { type LatencySummary, median, summarizeNs } from './stats.js';
import { collectGarbage } from './support.js';

export interface UncachedRequest {
  command: string;
  options: OptionValues;
  /** Autocomplete only: the option being typed. */
  focused?: FocusedOption;
  /** How a user would type it, for the report's "slowest" column. */
  text: string;
}

/** One row of the report: a family of distinct requests (e.g. /driver for every person), each asked once. */
export interface UncachedGroup {
  label: string;
  kind: 'command' | 'autocomplete';
  requests: UncachedRequest[];
}

export interface UncachedRow {
  label: string;
  kind: 'command' | 'autocomplete';
  requests: number;
  summary: LatencySummary;
  /** The slowest request and its time (ms). */
  slowest: string;
  slowestMs: number;
  /** Requests that answered with an unexpected failure (not a user error). */
  faults: number;
}

export interface UncachedResult {
  /** Which season was measured and which ones warmed the JIT first. */
  season: string;
  warmedOn: string[];
  /** Fresh loads of the season; a request's time is its median over them. */
  passes: number;
  rows: UncachedRow[];
}

/** Random unknown names are this long: the longest value Discord lets a user type into an option. */
export const UNKNOWN_NAME_LENGTH = 100;

/**
 * Up to `count` distinct prefixes (1–8 characters, as typed so far, sometimes lower-cased) of randomly
 * chosen names. Fewer when the names do not have that many distinct prefixes.
 */
export function randomPrefixes(names: readonly string[], count: number, random: () => number): string[] {
  const seen = new Set<string>();
  if (names.length === 0) return [];
  for (let attempt = 0; seen.size < count && attempt < count * 20; attempt++) {
    const name = names[Math.floor(random() * names.length)] as string;
    const chars = [...name];
    const length = 1 + Math.floor(random() * Math.min(8, chars.length));
    const prefix = chars.slice(0, length).join('');
    seen.add(random() < 0.5 ? prefix.toLowerCase() : prefix);
  }
  return [...seen];
}

/** `count` distinct names no season holds: letters and spaces, exactly `length` characters. */
export function unknownNames(count: number, length: number, random: () => number): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz     ';
  const names = new Set<string>();
  while (names.size < count) {
    let name = 'q';
    while (name.length < length) name += letters[Math.floor(random() * letters.length)];
    names.add(name.trimEnd().padEnd(length, 'z'));
  }
  return [...names];
}

/**
 * Every distinct command request a season answers: each person for /driver (by id, as autocomplete
 * hands it over), each car and each team for /lineup, each round for /results and /recap, each class for
 * /standings, and /calendar and /scoring; and /driver with long names nobody has (the "did you mean"
 * search). Pictures are left out (text:true): a picture is rendered once per season and data version in a
 * child process, and its first render is reported as the cold time.
 */
export function commandRequests(model: SeasonModel, unknown: readonly string[]): UncachedGroup[] {
  const season = { season: model.id };
  const group = (label: string, requests: UncachedRequest[]): UncachedGroup => ({
    label,
    kind: 'command',
    requests,
  });
  const cars = [...new Set(model.entries.map((e) => e.car))].sort((a, b) => a - b);
  const rounds = model.rounds.map((_, i) => i + 1);
  return [
    group(
      '/driver, each person',
      [...model.people.keys()].map((id) => ({
        command: 'driver',
        options: { name: id, ...season },
        text: `/driver name:${id}`,
      })),
    ),
    group(
      '/lineup, each car',
      cars.map((car) => ({ command: 'lineup', options: { car, ...season }, text: `/lineup car:${car}` })),
    ),
    group(
      '/lineup, each team',
      [...model.teams.keys()].map((team) => ({
        command: 'lineup',
        options: { team, ...season },
        text: `/lineup team:${team}`,
      })),
    ),
    group(
      '/results, each round',
      rounds.map((round) => ({
        command: 'results',
        options: { round, ...season },
        text: `/results round:${round}`,
      })),
    ),
    group(
      '/recap, each round',
      rounds.map((round) => ({
        command: 'recap',
        options: { round, ...season },
        text: `/recap round:${round}`,
      })),
    ),
    group(
      '/standings text:true, each class',
      [...model.standings.keys()].map((c) => ({
        command: 'standings',
        options: { class: c, text: true, ...season },
        text: `/standings class:${c} text:true`,
      })),
    ),
    group(
      `/driver, ${UNKNOWN_NAME_LENGTH}-character unknown names`,
      unknown.map((name) => ({
        command: 'driver',
        options: { name, ...season },
        text: `/driver name:${JSON.stringify(name).slice(0, 40)}`,
      })),
    ),
    group(
      '/title, each class after each round',
      classesWithStandings(model).flatMap((c) => {
        const last = model.standings.has(c) ? model.rounds.length : (latestClassifiedRound(model, c) ?? 0);
        return Array.from({ length: last }, (_, i) => ({
          command: 'title',
          options: { class: c, round: i + 1, ...season },
          text: `/title class:${c} round:${i + 1}`,
        }));
      }),
    ),
    group(
      '/compare, pairs of people',
      pairsOf([...model.people.keys()], 500).map(([a, b]) => ({
        command: 'compare',
        options: { a, b, ...season },
        text: `/compare a:${a} b:${b}`,
      })),
    ),
    group('/calendar text:true and /scoring', [
      { command: 'calendar', options: { text: true, ...season }, text: '/calendar text:true' },
      { command: 'scoring', options: { ...season }, text: '/scoring' },
    ]),
  ];
}

/** Up to `count` distinct pairs of neighbours in the list (each person against the next). */
function pairsOf(ids: readonly string[], count: number): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < ids.length && pairs.length < count; i += 2)
    pairs.push([ids[i] as string, ids[i + 1] as string]);
  return pairs;
}

/** Autocomplete on random prefixes of the season's own names, and on long names it does not hold. */
export function autocompleteRequests(
  model: SeasonModel,
  options: { prefixes: number; unknown: number; seed: number },
): UncachedGroup[] {
  const random = seededRandom(options.seed);
  const typed = (command: string, option: string, value: string): UncachedRequest => ({
    command,
    // The season option is typed as its id, as a user picks it; the focused option is what was typed.
    options: { [option]: value, season: model.id },
    focused: { name: option, value },
    text: `/${command} ${option}:${JSON.stringify(value).slice(0, 40)}`,
  });
  const group = (label: string, requests: UncachedRequest[]): UncachedGroup => ({
    label,
    kind: 'autocomplete',
    requests,
  });
  const people = [...model.people.values()].flatMap((p) => [p.name, ...p.aliases]);
  const teams = [...model.teams.values()].map((t) => t.name);
  const circuits = model.rounds.map((r) => r.circuit);
  return [
    group(
      '/driver name, random prefixes',
      randomPrefixes(people, options.prefixes, random).map((v) => typed('driver', 'name', v)),
    ),
    group(
      `/driver name, ${UNKNOWN_NAME_LENGTH}-character unknown names`,
      unknownNames(options.unknown, UNKNOWN_NAME_LENGTH, random).map((v) => typed('driver', 'name', v)),
    ),
    group(
      '/lineup team, random prefixes',
      randomPrefixes(teams, options.prefixes, random).map((v) => typed('lineup', 'team', v)),
    ),
    group(
      `/lineup team, ${UNKNOWN_NAME_LENGTH}-character unknown names`,
      unknownNames(options.unknown, UNKNOWN_NAME_LENGTH, random).map((v) => typed('lineup', 'team', v)),
    ),
    group(
      '/results round, random prefixes',
      randomPrefixes(circuits, options.prefixes, random).map((v) => typed('results', 'round', v)),
    ),
  ];
}

/** Ask one request as the adapters do (a fresh context per call, the shared model); ns, and whether it faulted. */
async function ask(app: AppContext, request: UncachedRequest): Promise<{ ns: number; fault: boolean }> {
  const command = requireCommand(request.command);
  const context = app.makeContext(BENCH_INVOKER);
  const t0 = process.hrtime.bigint();
  const failure = request.focused
    ? runAutocomplete(command, request.focused, request.options, context).failure
    : (await runCommand(command, request.options, context)).failure;
  return { ns: Number(process.hrtime.bigint() - t0), fault: failure !== null && failure !== undefined };
}

export interface UncachedSettings {
  prefixes: number;
  unknown: number;
}

function groupsFor(model: SeasonModel, settings: UncachedSettings, seed: number): UncachedGroup[] {
  const unknown = unknownNames(settings.unknown, UNKNOWN_NAME_LENGTH, seededRandom(seed + 1));
  return [...commandRequests(model, unknown), ...autocompleteRequests(model, { ...settings, seed })];
}

/**
 * Warm the JIT on every request of `warm` (other seasons), then, `passes` times, load the measured season
 * afresh and ask each of its requests once. A request's time is its median over the passes: every sample
 * is still a first ask on a fresh model, but one preemption by another process does not decide a p99.
 */
export async function measureUncached(
  loadFresh: () => AppContext,
  warm: readonly AppContext[],
  settings: UncachedSettings & { passes: number },
): Promise<UncachedResult> {
  for (const [i, app] of warm.entries())
    for (const group of groupsFor(app.catalog.defaultSeason(), settings, 1000 + i))
      for (const request of group.requests) await ask(app, request);
  let season = '';
  let groups: UncachedGroup[] = [];
  const times: { ns: number[]; faults: number }[][] = [];
  for (let pass = 0; pass < Math.max(1, settings.passes); pass++) {
    const fresh = loadFresh();
    const model = fresh.catalog.defaultSeason();
    season = model.id;
    // The same seed on every pass: the same requests, each asked once per fresh model.
    groups = groupsFor(model, settings, 2013);
    for (const [g, group] of groups.entries()) {
      // One row's garbage is not collected while the next row is timed.
      collectGarbage();
      times[g] ??= group.requests.map(() => ({ ns: [], faults: 0 }));
      const row = times[g];
      for (const [i, request] of group.requests.entries()) {
        const { ns, fault } = await ask(fresh, request);
        const slot = row[i] as { ns: number[]; faults: number };
        slot.ns.push(ns);
        if (fault) slot.faults++;
      }
    }
  }
  const rows: UncachedRow[] = [];
  for (const [g, group] of groups.entries()) {
    if (group.requests.length === 0) continue;
    const perRequest = (times[g] ?? []).map((t) => median(t.ns));
    let slowest = 0;
    for (const [i, ns] of perRequest.entries()) if (ns > (perRequest[slowest] as number)) slowest = i;
    rows.push({
      label: group.label,
      kind: group.kind,
      requests: group.requests.length,
      summary: summarizeNs(perRequest),
      slowest: group.requests[slowest]?.text ?? '',
      slowestMs: (perRequest[slowest] ?? Number.NaN) / 1e6,
      faults: (times[g] ?? []).reduce((n, t) => n + t.faults, 0),
    });
  }
  return { season, warmedOn: warm.map((a) => a.catalog.defaultSeason().id), passes: settings.passes, rows };
}
