import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { renderReplyText } from '../../src/cli/render-text.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { OptionValues } from '../../src/core/command.js';
import { runCommand } from '../../src/core/run-command.js';
import { movementText } from '../../src/replies/computed-standings.js';
import { standingsMatrixInput } from '../../src/replies/pictures.js';
import { computedStandingsFor } from '../../src/season/computed-table.js';
import { publishedVersusComputed } from '../../src/season/published-vs-computed.js';
import type { SeasonFiles } from '../../src/season/schema.js';
import { EXAMPLE_ID, editedModel } from './example-season.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/seasons', import.meta.url));

async function shown(dataDir: string | undefined, options: OptionValues): Promise<string> {
  const app = createAppContext({ dataDir, now: () => new Date('2026-12-01T12:00:00Z') });
  const command = commands.find((c) => c.definition.name === 'standings');
  if (!command) throw new Error('standings');
  const { reply, failure } = await runCommand(command, { ...options, text: true }, app.makeContext());
  expect(failure).toBeNull();
  return renderReplyText(reply, new Date('2026-12-01T12:00:00Z'));
}

describe('/standings for a live season (nothing published)', () => {
  test('shows the computed table, labelled computed, with movement since the previous round', async () => {
    const text = await shown(EXAMPLES, { class: 'pro', season: EXAMPLE_ID });
    expect(text.split('\n').slice(0, 13)).toEqual([
      '== Pro Cup — 2026 Example Endurance League (computed) ==',
      '`  1` 🇬🇧 Alice Archer, 🇬🇧 Ben Brooks · Aurora Motorsport — 79 –',
      '\u2003PRT 2 · ITA 1 · BEL 2/1/3',
      '`  2` 🇫🇷 Dana Duval, 🇩🇪 Erik Engel · Kestrel Racing — 66 –',
      '\u2003PRT 1 · ITA 3 · BEL 3/4/2',
      '`  3` 🇰🇷 Carl Cho · Aurora Motorsport — 61 ▲1',
      '\u2003PRT – · ITA 1 · BEL 2/1/3',
      '`  4` 🇮🇹 Gia Greco, 🇬🇧 Hugo Hale · Meridian GT — 56 ▲1',
      '\u2003PRT Ret · ITA 2 · BEL 4/3/1',
      '`  5` 🇳🇱 Jan Jansen, 🇳🇱 Kees Kok · Northwind Racing — 48 ▼2',
      '\u2003PRT 3 · ITA 4 · BEL 1/2/Ret',
      '`  6` 🇮🇪 Finn Foster · Kestrel Racing — 31 new',
      '\u2003PRT – · ITA – · BEL 3/4/2',
    ]);
    expect(text).toContain('Computed from the round classifications after round 3 (Spa-Francorchamps)');
  });

  test('a shared position after countback shows =N', async () => {
    const text = await shown(EXAMPLES, { class: 'pro-am', season: EXAMPLE_ID });
    expect(text).toContain('` =2` 🇫🇷 Nora Noël, 🇪🇸 Oscar Ortiz · Solstice Competition — 74 ▼1');
    expect(text).toContain('` =2` 🇺🇸 Pia Park, 🇨🇦 Quinn Quade · Tidewater Motorsport — 74 –');
  });

  test('the bundled 2013 season still shows its published tables, not labelled computed', async () => {
    const text = await shown(undefined, { class: 'pro' });
    expect(text.split('\n')[0]).toBe('== Pro Cup — 2013 Blancpain Endurance Series ==');
    expect(text).not.toContain('computed');
  });

  test.each([
    [3, 3, 1, ''],
    [3, null, 2, ' new'],
    [1, 3, 2, ' ▲2'],
    [4, 3, 2, ' ▼1'],
    [2, 2, 2, ' –'],
  ])('movement of a row at %i, previously %s, after round %i: "%s"', (now, before, round, text) => {
    expect(movementText(now, before, round, 'en')).toBe(text);
  });
});

test('the picture of a computed table says so, and draws DNF as a retirement', () => {
  const model = editedModel({
    rounds: (rounds) => [
      ...rounds,
      {
        round: 4,
        classifications: [
          {
            class: 'pro',
            stage: 'race',
            order: [
              { position: 1, car: 1, status: null, drivers: null },
              { position: null, car: 7, status: 'DNF', drivers: null },
            ],
          },
        ],
        penalties: [],
      },
    ],
  });
  const shaped = computedStandingsFor(model, 'pro');
  if (!shaped) throw new Error('no computed table');
  const input = standingsMatrixInput(model, shaped.table, 'en');
  expect(input.legendNote).toBe(
    'Cells are class positions, computed from the round classifications (nothing is published); ▲▼ = places gained or lost since the previous round.',
  );
  const duval = input.rows.find((row) => row.names.includes('Dana Duval'));
  expect(duval?.cells.at(-1)).toEqual({ text: 'DNF', kind: 'retired' });
});

describe('published and computed side by side', () => {
  const withPublishedPro = (files: SeasonFiles): SeasonFiles => ({
    ...files,
    standings: {
      classes: [
        {
          class: 'pro',
          cells: 'class-positions',
          columns: [{ id: 'prt', round: 1, stage: 'race', label: 'PRT', country_as_written: 'PRT' }],
          rows: [
            {
              position: 1,
              drivers: [
                { person: 'alice-archer', as_written: 'GBR Alice Archer' },
                { person: 'ben-brooks', as_written: 'GBR Ben Brooks' },
              ],
              team: 'aurora-motorsport',
              team_as_written: 'GBR Aurora Motorsport',
              cells: { prt: 1 },
              points: 79,
            },
            {
              position: 2,
              drivers: [{ person: 'dana-duval', as_written: 'FRA Dana Duval' }],
              team: 'kestrel-racing',
              team_as_written: 'DEU Kestrel Racing',
              cells: { prt: 1 },
              points: 70,
            },
          ],
        },
      ],
    },
  });

  test('the published table stays what users see', () => {
    const model = editedModel({ files: withPublishedPro });
    expect(computedStandingsFor(model, 'pro')).toBeNull();
    expect(computedStandingsFor(model, 'gentlemen')?.table.rows).toHaveLength(3);
  });

  test('every disagreement is a warning: row, round, both figures', () => {
    expect(publishedVersusComputed(editedModel({ files: withPublishedPro }))).toEqual([
      'pro row 1 (Alice Archer / Ben Brooks), Alice Archer, round 1 race: published 1, computed 2',
      'pro row 1 (Alice Archer / Ben Brooks), Ben Brooks, round 1 race: published 1, computed 2',
      'pro row 2 (Dana Duval), Dana Duval: published 70 points, computed 66 after round 3',
      'pro: Erik Engel has 66 computed points but no published row',
      'pro: Carl Cho has 61 computed points but no published row',
      'pro: Gia Greco has 56 computed points but no published row',
      'pro: Hugo Hale has 56 computed points but no published row',
      'pro: Jan Jansen has 48 computed points but no published row',
      'pro: Kees Kok has 48 computed points but no published row',
      'pro: Finn Foster has 31 computed points but no published row',
    ]);
  });

  test('npm run check:data prints the warnings (and passes)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'pitboard-published-'));
    try {
      const folder = join(parent, EXAMPLE_ID);
      cpSync(EXAMPLES, parent, { recursive: true });
      writeFileSync(
        join(folder, 'standings.yaml'),
        [
          'classes:',
          '  - class: gentlemen',
          '    cells: none',
          '    columns: []',
          '    rows:',
          '      - position: 1',
          '        drivers: [{ person: victor-vance, as_written: BEL Victor Vance }, { person: will-webb, as_written: NZL Will Webb }]',
          '        team: solstice-competition',
          '        team_as_written: FRA Solstice Competition',
          '        cells: null',
          '        points: 75',
          '',
        ].join('\n'),
      );
      const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'check:data', folder], {
        cwd: ROOT,
        timeout: 60_000,
      });
      expect(stdout.split('\n').slice(1, 4)).toEqual([
        '  warning: gentlemen row 1 (Victor Vance / Will Webb), Victor Vance: published 75 points, computed 74 after round 3',
        '  warning: gentlemen row 1 (Victor Vance / Will Webb), Will Webb: published 75 points, computed 74 after round 3',
        '  warning: gentlemen: Tom Tan has 74 computed points but no published row',
      ]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  test('npm run check:data examples/seasons passes', async () => {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'check:data', 'examples/seasons'],
      {
        cwd: ROOT,
        timeout: 60_000,
      },
    );
    expect(stdout).toBe(
      `${EXAMPLE_ID}: 0 problems — 5 rounds, 3 classes, 10 entries, 23 people, 7 teams, 9 class winners, 0 standings rows\n`,
    );
  });
});
