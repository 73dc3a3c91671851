/**
 * Replies converted to the catalogue read in the reader's language: every piece of our text differs from
 * English, while names as published (people, teams, classes) stay as they are. Builders are called with a
 * locale directly, since the product switch (REPLIES_LOCALISED) stays off until every command is converted.
 */
import { describe, expect, test } from 'vitest';
import { createAppContext } from '../../src/core/app-context.js';
import { TRANSLATED_LOCALES } from '../../src/i18n/locale.js';
import { buildPersonEmbed, buildPickListEmbed } from '../../src/replies/person.js';
import { computedStandingFields } from '../../src/replies/points-breakdown.js';
import { lookupPerson, personProfile } from '../../src/season/queries.js';
import { editedModel } from '../live/example-season.js';

const model = createAppContext().catalog.defaultSeason();

function profileOf(name: string) {
  const found = lookupPerson(model, name);
  if (found.kind !== 'found') throw new Error(`${name} is not one person`);
  return personProfile(model, found.person);
}

describe('/driver in every language', () => {
  const english = buildPersonEmbed(model, profileOf('Buhk'), 'en');

  test.each(TRANSLATED_LOCALES)('%s: every heading, line of ours and the footer is translated', (locale) => {
    const embed = buildPersonEmbed(model, profileOf('Buhk'), locale);
    expect(embed.title).toBe(english.title);
    expect(embed.description).not.toBe(english.description);
    expect(embed.footer?.text).not.toBe(english.footer?.text);
    const fields = embed.fields ?? [];
    const englishFields = english.fields ?? [];
    expect(fields).toHaveLength(englishFields.length);
    fields.forEach((field, i) => {
      expect(field.name).not.toBe(englishFields[i]?.name);
      // The lost-cell evidence is the data's own words; win lines are only names and numbers.
      const name = englishFields[i]?.name ?? '';
      if (!name.startsWith('Sources') && !name.startsWith('Class wins'))
        expect(field.value).not.toBe(englishFields[i]?.value);
    });
    // Names as published stay: the class, the team.
    expect(fields[0]?.name).toContain('Pro Cup');
    expect(fields[0]?.value).toContain('HTP Motorsport');
  });

  test('the memo keeps each language apart: English after French is still English', () => {
    const french = buildPersonEmbed(model, profileOf('Buhk'), 'fr');
    expect(buildPersonEmbed(model, profileOf('Buhk'), 'en')).toEqual(english);
    expect(french.description).toContain('Allemagne');
  });

  test('ordinals and plurals follow the language', () => {
    const value = (locale: 'fr' | 'de') =>
      buildPersonEmbed(model, profileOf('Buhk'), locale).fields?.[0]?.value;
    expect(value('fr')).toContain('**1er** avec **81 points** (publié)');
    expect(value('de')).toContain('**1.** mit **81 Punkten** (veröffentlicht)');
  });

  test.each(TRANSLATED_LOCALES)('%s: the pick list is translated', (locale) => {
    const found = lookupPerson(model, 'Max');
    if (found.kind !== 'ambiguous') throw new Error('"Max" should match several people');
    const english = buildPickListEmbed(model, 'Max', found.matches, 'en');
    const embed = buildPickListEmbed(model, 'Max', found.matches, locale);
    expect(embed.title).not.toBe(english.title);
    expect(embed.description).not.toBe(english.description);
  });

  test.each(TRANSLATED_LOCALES)('%s: the computed breakdown (movement, penalty, dropped round)', (locale) => {
    const edited = editedModel({
      files: (files) => ({
        ...files,
        scoring: { ...files.scoring, rules: { ...files.scoring.rules, best_results: 2 } },
      }),
    });
    const english = computedStandingFields(edited, 'dana-duval', 'en');
    const translated = computedStandingFields(edited, 'dana-duval', locale);
    expect(translated).toHaveLength(english.length);
    translated.forEach((field, i) => {
      expect(field.name).not.toBe(english[i]?.name);
      const lines = field.value.split('\n');
      const englishLines = english[i]?.value.split('\n') ?? [];
      expect(lines[0]).not.toBe(englishLines[0]);
      const changed = (start: string) =>
        expect(lines[englishLines.findIndex((l) => l.startsWith(start))]).not.toMatch(
          new RegExp(`^${start}`),
        );
      changed('Dropped');
      expect(lines.find((l) => l.includes('−5'))).not.toBe(englishLines.find((l) => l.includes('−5')));
    });
  });
});
