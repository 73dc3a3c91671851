import { beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { renderReplyText } from '../../src/cli/render-text.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { CommandContext, OptionValues } from '../../src/core/command.js';
import { runCommand } from '../../src/core/run-command.js';
import type { SeasonModel } from '../../src/season/model.js';
import { cellsOf, tableLinesAfter } from './seed.js';

/** Every published figure of the seed, read back from what a user sees (the replies, rendered as text). */
let model: SeasonModel;
let context: CommandContext;
beforeAll(() => {
  const app = createAppContext({ now: () => new Date('2026-11-24T12:00:00Z') });
  model = app.catalog.defaultSeason();
  context = app.makeContext();
});

async function shown(name: string, options: OptionValues): Promise<string> {
  const command = commands.find((c) => c.definition.name === name);
  if (!command) throw new Error(name);
  const page = async (n: number | undefined) => {
    const { reply, failure } = await runCommand(
      command,
      { ...options, text: true, ...(n === undefined ? {} : { page: n }) },
      context,
    );
    expect(failure).toBeNull();
    return renderReplyText(reply, context.now());
  };
  // A long table is paged (◀ ▶, as a user pages through it): read every page.
  const first = await page(undefined);
  const pages = Number(/Page 1 of (\d+)/.exec(first)?.[1] ?? 1);
  const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => page(i + 2)));
  return [first, ...rest].join('\n');
}

describe('/standings shows every published row as published', () => {
  test('Pro Cup: position, names, team, every cell (Spa as 6h/12h/24h) and the total', async () => {
    const text = await shown('standings', { class: 'pro' });
    const lines = text.split('\n');
    for (const line of tableLinesAfter('====Pro Cup====').slice(2)) {
      const [position, drivers, team, ...rest] = cellsOf(line);
      const total = rest.pop();
      const head = lines.findIndex(
        (l) => l.includes(` ${drivers?.split(/ (?=[A-Z]{3} )/)[0]?.slice(4)}`) && l.includes(` — ${total}`),
      );
      expect(head, line).toBeGreaterThanOrEqual(0);
      const row = lines[head] as string;
      expect(row).toMatch(new RegExp(`^\`\\s*=?${position}\``));
      expect(row).toContain((team as string).slice(4));
      const cells = rest.map((c) => (c === '' ? '–' : c));
      const expected = `MNZ ${cells[0]} · SIL ${cells[1]} · LEC ${cells[2]} · SPA ${cells[3]}/${cells[4]}/${cells[5]} · NÜR ${cells[6]}`;
      expect(lines[head + 1]?.trim()).toBe(expected);
    }
  });

  test.each([
    ['pro-am', '====Pro-Am Cup===='],
    ['gentlemen', '====Gentlemen Trophy===='],
  ])('%s: every name and total', async (classId, marker) => {
    const text = await shown('standings', { class: classId });
    for (const line of tableLinesAfter(marker).slice(1)) {
      const cells = cellsOf(line).filter(Boolean);
      const name = (cells.length === 3 ? cells[1] : cells[0])?.slice(4) as string;
      expect(text).toContain(name);
      if (cells.length === 3) expect(text).toMatch(new RegExp(`${name}.* — ${cells[2]}`));
    }
  });
});

describe('/results and /recap show every class winner with car, team and crew', () => {
  test.each([1, 2, 3, 4, 5])('round %i', async (round) => {
    const rows = tableLinesAfter('===Race results===').slice(1);
    const head = cellsOf(rows[(round - 1) * 2] as string).slice(2);
    const crews = cellsOf(rows[(round - 1) * 2 + 1] as string).filter(Boolean);
    for (const name of ['results', 'recap']) {
      const text = await shown(name, { round });
      for (const winner of head) {
        const [, car, team] = /^[A-Z]{3} No\. (\d+) (.+)$/.exec(winner) ?? [];
        expect(text).toContain(`#${car} `);
        expect(text).toContain(team);
      }
      for (const crew of crews)
        for (const person of crew.split(/ ?[A-Z]{3} /).filter(Boolean)) expect(text).toContain(person);
    }
  });
});

describe('/scoring and /calendar', () => {
  test('every points table and rule', async () => {
    const text = await shown('scoring', {});
    for (const table of model.pointsTables.values())
      expect(text).toContain(
        table.points.map((p, i) => `${i + 1}${['st', 'nd', 'rd'][i] ?? 'th'} ${p}`).join(' · '),
      );
    for (const rule of ['first 10', '75%', '25 minutes', 'no points for pole position'])
      expect(text).toContain(rule);
  });
  test('every round: date, circuit, format', async () => {
    const text = await shown('calendar', {});
    for (const [date, place] of [
      ['14 April 2013', 'Autodromo Nazionale Monza, Monza, Italy'],
      ['2 June 2013', 'Silverstone Circuit, Silverstone, Great Britain'],
      ['30 June 2013', 'Circuit Paul Ricard, Le Castellet, France'],
      ['28 July 2013', 'Total 24 Hours of Spa · Circuit de Spa-Francorchamps, Belgium'],
      ['22 September 2013', '1000 km Nürburgring · Nürburgring, Nürburg, Germany'],
    ] as const)
      expect(text).toMatch(new RegExp(`${date} · .*${place.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});
