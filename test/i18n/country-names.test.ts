/**
 * Country names in the reader's language come from the runtime's CLDR data (Node's full ICU). Every country
 * the bundled and example seasons name (rounds, drivers, teams) must get a real name in every language, not
 * the bare code and not an administrative long form a fan would never write.
 */
import { describe, expect, test } from 'vitest';
import { createAppContext } from '../../src/core/app-context.js';
import { TRANSLATED_LOCALES } from '../../src/i18n/locale.js';
import { countryName } from '../../src/replies/text.js';
import type { SeasonModel } from '../../src/season/model.js';
import { exampleModel } from '../live/example-season.js';

function countriesOf(model: SeasonModel): string[] {
  return [
    ...model.rounds.map((r) => r.country.iso),
    ...[...model.people.values()].map((p) => p.nationality.iso),
    ...[...model.teams.values()].map((t) => t.nationality.iso),
  ];
}

const codes = [
  ...new Set([...countriesOf(createAppContext().catalog.defaultSeason()), ...countriesOf(exampleModel())]),
].sort();

describe('country names in every language', () => {
  test('the seasons name countries enough to be worth checking', () => {
    expect(codes.length).toBeGreaterThan(20);
  });

  test.each(TRANSLATED_LOCALES)('%s: a real name for every country of the seasons', (locale) => {
    const problems = codes.filter((iso) => {
      const name = countryName(iso, locale);
      return name === iso || name.trim() === '' || /\b(SAR|RAS|RAE)\b|Sonderverwaltungs/.test(name);
    });
    expect(problems).toEqual([]);
  });

  test.each([
    ['DE', { fr: 'Allemagne', de: 'Deutschland', it: 'Germania', nl: 'Duitsland', 'es-ES': 'Alemania' }],
    [
      'GB',
      {
        fr: 'Royaume-Uni',
        de: 'Vereinigtes Königreich',
        it: 'Regno Unito',
        nl: 'Verenigd Koninkrijk',
        'es-ES': 'Reino Unido',
      },
    ],
    ['BE', { fr: 'Belgique', de: 'Belgien', it: 'Belgio', nl: 'België', 'es-ES': 'Bélgica' }],
    ['CH', { fr: 'Suisse', de: 'Schweiz', it: 'Svizzera', nl: 'Zwitserland', 'es-ES': 'Suiza' }],
    ['HK', { fr: 'Hong Kong', de: 'Hongkong', it: 'Hong Kong', nl: 'Hongkong', 'es-ES': 'Hong Kong' }],
    ['MO', { fr: 'Macao', de: 'Macau', it: 'Macao', nl: 'Macau', 'es-ES': 'Macao' }],
  ] as const)('%s as a fan writes it', (iso, names) => {
    for (const locale of TRANSLATED_LOCALES) expect(countryName(iso, locale)).toBe(names[locale]);
  });
});
