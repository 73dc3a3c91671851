import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { renderReplyText } from '../../src/cli/render-text.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { OptionValues } from '../../src/core/command.js';
import { buildProgressionChartSvg, progressionPoints } from '../../src/pictures/progression-chart.js';
import { progressionChartInput } from '../../src/replies/progression.js';
import { progression } from '../../src/season/progression.js';
import { computeStandings } from '../../src/season/standings-engine.js';
import { ask, expectValidReply } from '../commands/discord-limits.js';
import { EXAMPLE_ID, exampleModel } from '../live/example-season.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/seasons', import.meta.url));
const NOW = new Date('2026-12-01T12:00:00Z');

async function standings(dataDir: string | undefined, options: OptionValues) {
  const app = createAppContext({ dataDir, now: () => NOW });
  const answer = await ask('standings', options, app.makeContext());
  expectValidReply(answer);
  return { ...answer, shown: renderReplyText(answer.reply, NOW) };
}

describe('points progression', () => {
  test.each(['pro', 'pro-am', 'gentlemen'])(
    "%s: the chart's data points are the engine's totals after every round, Spa split into its three stages",
    (classId) => {
      const model = exampleModel();
      const p = progression(model, classId, 3);
      expect(p.steps.map((s) => `${s.round}${s.stage}`)).toEqual([
        '1race',
        '2race',
        '36h',
        '312h',
        '3finish',
      ]);
      const points = progressionPoints(progressionChartInput(model, p, 'en'));
      expect(points).toHaveLength(p.series.length * p.steps.length);
      expect(p.series.length).toBe(Math.min(6, computeStandings(model, classId, 3).rows.length));
      p.series.forEach((series, rank) => {
        const plotted = points.filter((d) => d.rank === rank);
        expect(plotted.map((d) => d.points)).toEqual(series.values);
        p.steps.forEach((step, i) => {
          if (!step.roundEnd) return;
          const table = computeStandings(model, classId, step.round);
          const row = [...table.rows, ...table.zeroRows].find((r) =>
            r.personIds.includes(series.personIds[0] as string),
          );
          expect(plotted[i]?.points).toBe(row?.points ?? 0);
        });
      });
    },
  );

  test('inside a 24-hour round each stage adds its points: Archer/Brooks 43 → 52 → 64 → 79 (2nd, 1st, 3rd)', () => {
    const p = progression(exampleModel(), 'pro', 3);
    expect(p.series[0]?.personIds).toEqual(['alice-archer', 'ben-brooks']);
    expect(p.series[0]?.values).toEqual([18, 43, 52, 64, 79]);
  });

  test('the SVG Vega-Lite draws shows every row in the legend and each final total at the line end', async () => {
    const model = exampleModel();
    const input = progressionChartInput(model, progression(model, 'pro', 3), 'en');
    const svg = await buildProgressionChartSvg(input);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const s of input.series) {
      expect(svg).toContain(`>${s.label}</text>`);
      expect(svg).toContain(`>${s.values.at(-1)}</text>`);
    }
    expect(svg).toContain('Source: Made-up example season');
  }, 20_000);
});

describe('/standings chart:true', () => {
  test('a computed class: the chart as a PNG with the same numbers as text', async () => {
    const { reply, shown } = await standings(EXAMPLES, { class: 'pro', chart: true, season: EXAMPLE_ID });
    expect(reply.files?.map((f) => f.name)).toEqual(['progression-pro.png']);
    const png = reply.files?.[0]?.data as Uint8Array;
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(shown).toContain('1. Alice Archer / Ben Brooks');
    expect(shown).toContain('R1 PRT 18 → R2 ITA 43 → R3 BEL 6h 52 → R3 BEL 12h 64 → R3 BEL finish 79');
  }, 60_000);

  test('text:true gives the table of numbers without a picture', async () => {
    const { reply, shown } = await standings(EXAMPLES, {
      class: 'gentlemen',
      chart: true,
      text: true,
      season: EXAMPLE_ID,
    });
    expect(reply.files ?? []).toEqual([]);
    expect(shown).toContain('points progression (computed)');
  });

  test('2013: no per-round points were published, so there is no chart and the reply says why', async () => {
    const { reply, shown } = await standings(undefined, { class: 'pro-am', chart: true });
    expect(reply.files ?? []).toEqual([]);
    expect(shown).toContain('Per-round points cannot be derived from what was published');
  });
});
