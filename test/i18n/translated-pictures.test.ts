/**
 * The pictures speak the reader's language: headings, colour key, notes, subtitles and source line come from
 * the catalogue; names, cells and totals are drawn as published. Checked on the SVG text the PNG is drawn from.
 */
import { describe, expect, test } from 'vitest';
import { createAppContext } from '../../src/core/app-context.js';
import { TRANSLATED_LOCALES } from '../../src/i18n/locale.js';
import { buildProgressionChartSvg } from '../../src/pictures/progression-chart.js';
import { buildStandingsMatrixSvg, buildTotalsTableSvg } from '../../src/pictures/standings-matrix.js';
import { buildWinnersGridSvg } from '../../src/pictures/winners-grid.js';
import { movementMarks } from '../../src/replies/computed-standings.js';
import {
  pictureLabels,
  roundDay,
  standingsMatrixInput,
  standingsPicture,
  totalsTableInput,
  winnersGridInput,
} from '../../src/replies/pictures.js';
import { progressionChartInput } from '../../src/replies/progression.js';
import { computedStandingsFor } from '../../src/season/computed-table.js';
import { progression } from '../../src/season/progression.js';
import { exampleModel } from '../live/example-season.js';
import { texts } from '../pictures/svg-query.js';
import { englishLeaks } from './english-leaks.js';

const bundled = createAppContext().catalog.defaultSeason();
const example = exampleModel();
const english = pictureLabels('en');

function proCup() {
  const table = bundled.standings.get('pro');
  if (!table) throw new Error('the bundled season publishes a Pro Cup table');
  return table;
}

describe('the standings picture', () => {
  test('in French: headings, colour key, note, title and source translated; rows as published', () => {
    const shown = texts(buildStandingsMatrixSvg(standingsMatrixInput(bundled, proCup(), 'fr')));
    expect(shown).toEqual(
      expect.arrayContaining([
        'Pos.',
        'Pilotes',
        'Équipe',
        'Vainqueur',
        'Abandon',
        'Pro Cup — classement pilotes',
      ]),
    );
    expect(shown).toContain('Maximilian Buhk');
    expect(shown.some((t) => t.startsWith('Source : '))).toBe(true);
    for (const word of [english.drivers, english.team, english.legend.win, english.legend.retired])
      expect(shown).not.toContain(word);
    expect(englishLeaks(shown.join('\n'), 'fr')).toEqual([]);
  });

  test.each(TRANSLATED_LOCALES)(
    '%s: a published, a computed and a totals-only table leak no English',
    (locale) => {
      const computed = computedStandingsFor(example, 'pro', 3);
      if (!computed) throw new Error('the example season computes a Pro Cup table');
      const marks = movementMarks(computed.computed, locale);
      const totalsOnly =
        [...bundled.standings.values()].find((table) => table.columns.length === 0) ?? proCup();
      for (const svg of [
        buildStandingsMatrixSvg(standingsMatrixInput(bundled, proCup(), locale)),
        buildStandingsMatrixSvg(standingsMatrixInput(example, computed.table, locale, marks)),
        buildTotalsTableSvg(totalsTableInput(bundled, totalsOnly, locale)),
      ]) {
        const shown = texts(svg);
        expect(shown).not.toContain(english.drivers);
        expect(englishLeaks(shown.join('\n'), locale)).toEqual([]);
      }
      // A row new to the table is marked in the reader's language, as in the text table.
      expect(movementMarks(computed.computed, 'en')).toContain('new');
      expect(marks).not.toContain('new');
    },
  );
});

describe('the picture cache', () => {
  test('keeps each language apart: German after English is drawn afresh, with German alt text', async () => {
    const table = proCup();
    await standingsPicture(bundled, table, 'en');
    const german = await standingsPicture(bundled, table, 'de');
    expect(german.fromCache).toBe(false);
    expect(german.file.description).toBe('Tabelle der Wertung Pro Cup');
    expect((await standingsPicture(bundled, table, 'de')).fromCache).toBe(true);
  }, 60_000);
});

describe('the winners grid of /calendar', () => {
  test('in German: heading, title and subtitle translated; winners as published', () => {
    const shown = texts(buildWinnersGridSvg(winnersGridInput(bundled, 3, 'de')));
    expect(shown).toEqual(expect.arrayContaining(['Lauf', 'Klassensieger']));
    expect(shown.some((t) => t.endsWith('· nach Lauf 3'))).toBe(true);
    expect(shown).not.toContain(english.round);
    expect(englishLeaks(shown.join('\n'), 'de')).toEqual([]);
  });
});

describe('round dates in pictures', () => {
  test.each([
    ['en', '28 Jul 2013'],
    ['fr', '28 juil. 2013'],
    ['de', '28. Juli 2013'],
    ['it', '28 lug 2013'],
    ['nl', '28 jul 2013'],
    ['es-ES', '28 jul 2013'],
  ] as const)('%s: a calendar day in the language, the same day west of Greenwich', (locale, shown) => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(roundDay('2013-07-28', locale)).toBe(shown);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const index = bundled.rounds.findIndex((r) => r.date === '2013-07-28');
    expect(winnersGridInput(bundled, bundled.rounds.length, locale).rounds[index]?.sublabel).toBe(shown);
  });
});

describe('the points progression chart', () => {
  test('in Italian: title, subtitle, axis and source translated', async () => {
    const svg = await buildProgressionChartSvg(
      progressionChartInput(example, progression(example, 'pro', 3), 'it'),
    );
    expect(svg).toContain('>Pro Cup — andamento dei punti</text>');
    expect(svg).toContain('>Punti</text>');
    expect(svg).toContain('Fonte: Made-up example season');
    expect(englishLeaks(svg, 'it')).toEqual([]);
  }, 20_000);
});
