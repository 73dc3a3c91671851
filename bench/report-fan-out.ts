import { type BenchResults, BUDGETS } from './budgets.js';
import { mark, n, perSecondText, table } from './markdown.js';

/** Section 6 of the report: one recap tick to many servers under Discord's global rate limit. */
export function fanOutSection(r: BenchResults): string[] {
  const out: string[] = ['## 6. Recap fan-out', ''];
  const f = r.fanOut;
  if (!f) return [...out, '_Not run._', ''];
  const runs = [f, ...(r.fanOutRates ?? []), r.fanOutDefaultOffset].filter((x): x is NonNullable<typeof x> =>
    Boolean(x),
  );
  out.push(
    `${n(f.guilds)} servers, each with settings written by \`SettingsStore.save\` (${f.settingsSeconds.toFixed(1)} s for all) to announce in its #announcements with a replay whose round 1 ended a minute ago; then one \`poller.tick()\` of the real runtime (\`startRuntime\`, schedule off) against a local Discord enforcing ${f.globalPerSecond} requests/s globally in fixed 1-s windows (429 beyond). The budget run stores in ${f.store === 'redis' ? 'Redis' : 'SQLite (results from before the fleet pacer)'}, so the runtime paces every bot-token request with the fleet pacer (src/http/fleet-pacer.ts, ${f.pacerPerSecond ?? '–'}/s) as HTTP workers do, with \`rest: { offset: 0 }\`. The rows below it run the same pacer at higher rates on fewer servers (SQLite store, pacer on a Redis of its own): the evidence for FLEET_REST_PER_SECOND. A full run adds the fleet-paced run with discord.js's default offset (50 ms added to each rate-limit reset), as \`src/main.ts\` runs on Discord.`,
    '',
    table(
      [
        'Pacer',
        'REST offset',
        'Servers',
        'Tick',
        'Floor',
        'Ratio',
        'Sent',
        'Failed',
        'Retry later',
        'Duplicates',
        'Losses',
        '429 answers',
        '"rate limited" warnings',
      ],
      runs.map((x) => [
        (x.pacerPerSecond ?? null) === null ? 'none' : `${x.pacerPerSecond}/s`,
        x.restOffset === null ? 'default (50 ms)' : `${x.restOffset} ms`,
        n(x.guilds),
        `${x.seconds.toFixed(2)} s`,
        `${x.floorSeconds} s`,
        `×${x.ratio.toFixed(3)}${mark(x.ratio, BUDGETS.fanOutRatio)}`,
        n(x.report.sent),
        n(x.report.failed),
        n(x.report.retryLater),
        n(x.duplicates),
        n(x.losses),
        n(x.status429),
        n(x.rateLimitedWarnings),
      ]),
    ),
    '',
    ...runs.map(
      (x) =>
        `Posts per second from the first one (pacer ${x.pacerPerSecond ?? 'none'}/s, ${n(x.guilds)} servers, offset ${x.restOffset ?? 'default'}): ${perSecondText(x.perSecond)}.`,
    ),
    '',
    'A "rate limited" warning is logged each time discord.js holds a request back for its own global limit (50 per its own 1-s window); a 429 answer is the local Discord refusing one (Discord counts those toward its invalid-request ban threshold). A fleet pacer at r/s makes N posts take about N/r s, so the budget (≤ 1.10 × N/50 s) needs r ≥ 46/s.',
    '',
  );
  return out;
}
