import { describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { renderReplyText } from '../../src/cli/render-text.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { OptionValues } from '../../src/core/command.js';
import { runCommand } from '../../src/core/run-command.js';
import { movementMarks } from '../../src/replies/computed-standings.js';
import { standingsMatrixInput } from '../../src/replies/pictures.js';
import { computedStandingFields } from '../../src/replies/points-breakdown.js';
import { computedStandingsFor } from '../../src/season/computed-table.js';
import { EXAMPLE_DIR, EXAMPLE_ID, editedModel, exampleModel } from './example-season.js';

const EXAMPLES = EXAMPLE_DIR.replace(/\/[^/]+\/?$/, '');
const NOW = new Date('2026-12-01T12:00:00Z');

/** Asks the example season, or the bundled 2013 season with `bundled`. */
async function ask(name: string, options: OptionValues, bundled?: 'bundled') {
  const dataDir = bundled ? undefined : EXAMPLES;
  const app = createAppContext({ dataDir, now: () => NOW });
  const command = commands.find((c) => c.definition.name === name);
  if (!command) throw new Error(name);
  const season = dataDir ? { season: EXAMPLE_ID } : {};
  const { reply, failure } = await runCommand(command, { ...season, ...options }, app.makeContext());
  return { text: renderReplyText(reply, NOW), failure, reply };
}

// Hand computation, Pro Cup, standard table 25/18/15/12: round 1 — #7 Duval/Engel P1 25, #1 Archer/Brooks
// P2 18 (Cho under the minimum time), #33 Jansen/Kok P3 15, #22 Ret. Round 2 — #1 (Archer, Brooks, Cho)
// P1 25, #22 Greco/Hale P2 18, #7 P3 15 − 5 penalty, #33 P4 12. After round 2: Archer/Brooks 43 (was 2nd),
// Duval/Engel 35 (was 1st), Jansen/Kok 27 (was 3rd), Cho 25 and Greco/Hale 18 (not in round 1's table).
const PRO_AFTER_ROUND_2 = [
  '== Pro Cup — 2026 Example Endurance League (computed) ==',
  '`  1` 🇬🇧 Alice Archer, 🇬🇧 Ben Brooks · Aurora Motorsport — 43 ▲1',
  '\u2003PRT 2 · ITA 1',
  '`  2` 🇫🇷 Dana Duval, 🇩🇪 Erik Engel · Kestrel Racing — 35 ▼1',
  '\u2003PRT 1 · ITA 3',
  '`  3` 🇳🇱 Jan Jansen, 🇳🇱 Kees Kok · Northwind Racing — 27 –',
  '\u2003PRT 3 · ITA 4',
  '`  4` 🇰🇷 Carl Cho · Aurora Motorsport — 25 new',
  '\u2003PRT – · ITA 1',
  '`  5` 🇮🇹 Gia Greco, 🇬🇧 Hugo Hale · Meridian GT — 18 new',
  '\u2003PRT Ret · ITA 2',
];

describe('/standings class round', () => {
  test('the table after the asked round, with movement since the round before', async () => {
    const { text, failure } = await ask('standings', { class: 'pro', round: 2, text: true });
    expect(failure).toBeNull();
    expect(text.split('\n').slice(0, PRO_AFTER_ROUND_2.length)).toEqual(PRO_AFTER_ROUND_2);
    expect(text).toContain('after round 2 (Imola)');
  });

  test('a table asked after an earlier round keeps that round behind its buttons', async () => {
    const { text } = await ask('standings', { class: 'pro', round: 2, text: true });
    expect(text).toMatch(/press pb1:[0-9a-f]+:s:view:\S*;r=2\b/);
  });

  test('the picture prints the same movement after each total', () => {
    const shaped = computedStandingsFor(exampleModel(), 'pro', 2);
    if (!shaped) throw new Error('no computed table');
    const input = standingsMatrixInput(
      exampleModel(),
      shaped.table,
      'en',
      movementMarks(shaped.computed, 'en'),
    );
    expect(input.rows.map((r) => r.total)).toEqual(['43 ▲1', '35 ▼1', '27 –', '25 new', '18 new']);
  });

  test('without round: the latest table, as before', async () => {
    const latest = await ask('standings', { class: 'pro', text: true });
    const round3 = await ask('standings', { class: 'pro', round: 3, text: true });
    expect(round3.text).toBe(latest.text);
    expect(latest.text).toContain('after round 3');
  });

  test.each([
    [{ round: 4 }, 'Round 4 (Nürburgring) has no results yet; the latest table is after round 3.'],
    [{ round: 99 }, 'There is no round 99: 2026 Example Endurance League has rounds 1–'],
  ])('%o is refused in one sentence', async (options, message) => {
    const { failure, text, reply } = await ask('standings', { class: 'pro', text: true, ...options });
    expect(failure).toBeNull();
    expect(reply.data.flags).toBe(64);
    expect(text).toContain(message);
  });

  test('2013 publishes only final tables: an earlier round is refused, the last one is the usual table', async () => {
    const earlier = await ask('standings', { class: 'pro', round: 2, text: true }, 'bundled');
    expect(earlier.text).toContain('Only the final table is published');
    const plain = await ask('standings', { class: 'pro', text: true }, 'bundled');
    const last = await ask('standings', { class: 'pro', round: 5, text: true }, 'bundled');
    expect(last.failure).toBeNull();
    expect(last.text).toBe(plain.text);
  });
});

describe('/driver: where every point came from (computed classes)', () => {
  test('per round and stage: position, car, points table, points; penalties', async () => {
    const { text } = await ask('driver', { name: 'Dana Duval' });
    expect(text).toContain(
      [
        '-- Pro Cup standing (computed) --',
        '2nd with 66 points after round 3 (unchanged since round 2) · Kestrel Racing',
        'Shares the row with 🇩🇪 Erik Engel',
        'R1 Portimão: P1 · #7 · Race points · 25 pts',
        'R2 Imola: P3 · #7 · Race points · 15 pts',
        'R3 Spa-Francorchamps 6h: P3 · #7 · 24 Hours points after 6 and 12 hours · 7 pts',
        'R3 Spa-Francorchamps 12h: P4 · #7 · 24 Hours points after 6 and 12 hours · 6 pts',
        'R3 Spa-Francorchamps finish: P2 · #7 · 24 Hours points at the finish · 18 pts',
        'R2 Imola penalty −5 (car #7): Causing a collision at Tamburello',
      ].join('\n'),
    );
  });

  test('best-N: the dropped round is marked and named', () => {
    const model = editedModel({
      files: (files) => ({
        ...files,
        scoring: { ...files.scoring, rules: { ...files.scoring.rules, best_results: 2 } },
      }),
    });
    const text = computedStandingFields(model, 'dana-duval', 'en')
      .map((f) => f.value)
      .join('\n');
    // Rounds 1 (25), 2 (15) and 3 (7 + 6 + 18 = 31): round 2 is the lowest and is dropped; the penalty stays.
    expect(text).toContain('R2 Imola: P3 · #7 · Race points · 15 pts (dropped)');
    expect(text).toContain('Dropped (only the best results count): R2');
    expect(text).toContain('with **51 points**');
  });

  test('2013 people get no computed breakdown', async () => {
    const { text } = await ask('driver', { name: 'Buhk' }, 'bundled');
    expect(text).not.toContain('computed');
  });
});

describe('/results round: the class classification where known', () => {
  test('every car by class position, the unclassified with their status, the penalties', async () => {
    const { text } = await ask('results', { round: 1 });
    expect(text).toContain(
      [
        '-- Pro Cup classification --',
        '`1.` #7 Kestrel Racing — 🇫🇷 Dana Duval, 🇩🇪 Erik Engel',
        '`2.` #1 Aurora Motorsport — 🇬🇧 Alice Archer, 🇬🇧 Ben Brooks',
        '`3.` #33 Northwind Racing — 🇳🇱 Jan Jansen, 🇳🇱 Kees Kok',
        '`Ret` #22 Meridian GT — 🇮🇹 Gia Greco, 🇬🇧 Hugo Hale',
      ].join('\n'),
    );
    const round2 = await ask('results', { round: 2 });
    expect(round2.text).toContain('Pro Cup: car #7 −5 pts (Causing a collision at Tamburello)');
  });

  test('a round scored at three stages shows each stage', async () => {
    const { text } = await ask('results', { round: 3 });
    for (const stage of ['6h', '12h', 'finish'])
      expect(text).toContain(`-- Pro Cup classification · ${stage} --`);
  });

  test('2013 results stay winners only', async () => {
    const { text } = await ask('results', { round: 1 }, 'bundled');
    expect(text).toContain('full finishing orders are not in the source');
    expect(text).not.toContain('classification');
  });
});

describe('/recap of a live round', () => {
  test('the same card the scheduler posts: podiums and the tables after the round', async () => {
    const { text } = await ask('recap', { round: 2 });
    expect(text).toContain('-- Pro Cup podium --\n🥇 #1 Aurora Motorsport');
    expect(text).toContain(
      '-- Pro Cup after round 2 (computed) --\n`  1` 🇬🇧 Alice Archer, 🇬🇧 Ben Brooks — 43 ▲1',
    );
    expect(text).toContain('-- Penalties --\nPro Cup: car #7 −5 (Causing a collision at Tamburello)');
  });

  test('2013 recaps keep the published-results card', async () => {
    const { text } = await ask('recap', { round: 1 }, 'bundled');
    expect(text).toContain('Standings after this round were not published');
    expect(text).not.toContain('podium');
  });
});
