/**
 * Replies converted to the catalogue read in the reader's language: every piece of our text differs from
 * English, while names as published (people, teams, classes) stay as they are. Builders are called with a
 * locale directly, since the product switch (REPLIES_LOCALISED) stays off until every command is converted.
 */
import { describe, expect, test } from 'vitest';
import { buildRecapMessage } from '../../src/announce/recap-message.js';
import { createTimeline } from '../../src/announce/timeline.js';
import { createAppContext } from '../../src/core/app-context.js';
import { TRANSLATED_LOCALES } from '../../src/i18n/locale.js';
import { buildCalendarEmbed } from '../../src/replies/calendar.js';
import { buildComputedStandingsPage } from '../../src/replies/computed-standings.js';
import { buildPersonEmbed, buildPickListEmbed } from '../../src/replies/person.js';
import { computedStandingFields } from '../../src/replies/points-breakdown.js';
import { buildRecapEmbed } from '../../src/replies/recap.js';
import { buildResultsEmbed } from '../../src/replies/results.js';
import { buildScoringEmbed } from '../../src/replies/scoring.js';
import { buildStandingsPage } from '../../src/replies/standings.js';
import { computedStandingsFor } from '../../src/season/computed-table.js';
import { lookupPerson, personProfile } from '../../src/season/queries.js';
import { editedModel, exampleModel } from '../live/example-season.js';

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

describe('/standings in every language', () => {
  const table = model.standings.get('pro');
  if (!table) throw new Error('the bundled season publishes a Pro Cup table');
  const english = buildStandingsPage(model, table, null, 'en').embed;

  test.each(TRANSLATED_LOCALES)(
    '%s: a published table keeps its rows as published, the legend and footer translated',
    (locale) => {
      const embed = buildStandingsPage(model, table, null, locale).embed;
      expect(embed.title).toBe(english.title);
      const [rows, legend] = (embed.description ?? '').split('\n\n');
      const [englishRows, englishLegend] = (english.description ?? '').split('\n\n');
      expect(rows).toBe(englishRows);
      expect(legend).not.toBe(englishLegend);
      expect(embed.footer?.text).not.toBe(english.footer?.text);
    },
  );

  test.each(TRANSLATED_LOCALES)(
    '%s: a computed table: title, note and the "new" mark translated',
    (locale) => {
      const example = exampleModel();
      const computed = computedStandingsFor(example, example.classes[0]?.id ?? '', 2);
      if (!computed) throw new Error('the example season computes a table after round 2');
      const englishPage = buildComputedStandingsPage(example, computed, null, 'en').embed;
      const page = buildComputedStandingsPage(example, computed, null, locale).embed;
      expect(page.title).not.toBe(englishPage.title);
      const note = (text: string | undefined) => text?.split('\n\n').at(-1);
      expect(note(page.description)).not.toBe(note(englishPage.description));
      if (englishPage.description?.includes(' new')) expect(page.description).not.toContain('** new');
    },
  );

  test('French reads as a French fan would write it', () => {
    const embed = buildStandingsPage(model, table, null, 'fr').embed;
    expect(embed.description).toContain('Ret = abandon');
    expect(embed.footer?.text).toMatch(/^Source : /);
  });
});

describe('/results in every language', () => {
  test.each(TRANSLATED_LOCALES)(
    '%s: headings, notes, places and formats translated; names as published',
    (locale) => {
      for (const season of [model, exampleModel()]) {
        for (const round of season.rounds) {
          const english = buildResultsEmbed(season, round, 'en');
          const embed = buildResultsEmbed(season, round, locale);
          expect(embed.description).not.toBe(english.description);
          expect(embed.footer?.text).not.toBe(english.footer?.text);
          const names = (embed.fields ?? []).map((f) => f.name);
          const englishNames = (english.fields ?? []).map((f) => f.name);
          expect(names).toHaveLength(englishNames.length);
          names.forEach((name, i) => {
            expect(name).not.toBe(englishNames[i]);
          });
        }
      }
    },
  );

  test('a classification with penalties and places, in German', () => {
    const example = exampleModel();
    const round = example.rounds.find((r) => example.classifications.get(r.round)?.data.penalties.length);
    if (!round) throw new Error('the example season has a round with penalties');
    const embed = buildResultsEmbed(example, round, 'de');
    expect(embed.fields?.map((f) => f.name)).toContain('Strafen');
    expect(embed.description).toMatch(/Stunden|1000 km/);
  });
});

describe('/recap and the posted recap in every language', () => {
  test.each(TRANSLATED_LOCALES)('%s: the card of every round, published or live, is translated', (locale) => {
    for (const season of [model, exampleModel()]) {
      for (const round of season.rounds) {
        const english = buildRecapEmbed(season, round, 'en');
        const embed = buildRecapEmbed(season, round, locale);
        expect(embed.title).not.toBe(english.title);
        const lines = (embed.description ?? '').split('\n');
        const englishLines = (english.description ?? '').split('\n');
        // Every line but the place (circuit and town as published) is ours.
        lines.slice(1).forEach((line, i) => {
          expect(line).not.toBe(englishLines[i + 1]);
        });
        (embed.fields ?? []).forEach((field, i) => {
          expect(field.name).not.toBe(english.fields?.[i]?.name);
        });
      }
    }
  });

  test('the posted recap mentions its role in the server’s language', () => {
    const example = exampleModel();
    const round = example.rounds[0];
    if (!round) throw new Error('the example season has rounds');
    const body = buildRecapMessage(example, round, 'nonce', '123456789012345678', 'it');
    expect(body.content).toBe('<@&123456789012345678> Riepilogo del round 1');
    expect(body.embeds?.[0]?.title).toMatch(/^Riepilogo del round 1/);
  });
});

describe('/calendar in every language', () => {
  test.each(TRANSLATED_LOCALES)(
    '%s: title, summary, formats and countries translated; replay speed as typed',
    (locale) => {
      const before = new Date('2013-01-01T00:00:00Z');
      const after = new Date('2014-01-01T00:00:00Z');
      for (const now of [before, after]) {
        const english = buildCalendarEmbed(model, now, 'en');
        const embed = buildCalendarEmbed(model, now, locale);
        expect(embed.title).not.toBe(english.title);
        const lines = (embed.description ?? '').split('\n');
        const englishLines = (english.description ?? '').split('\n');
        expect(lines).toHaveLength(englishLines.length);
        lines.forEach((line, i) => {
          if (line !== '') expect(line).not.toBe(englishLines[i]);
        });
      }
      const replayed = buildCalendarEmbed(
        model,
        before,
        locale,
        createTimeline(model, { anchor: before.toISOString(), speed: 100000 }),
      );
      expect(replayed.description).toContain('100000');
    },
  );
});

describe('/scoring in every language', () => {
  test.each(TRANSLATED_LOCALES)(
    '%s: rules, ordinals and the gloss translated; table titles as published',
    (locale) => {
      for (const season of [model, exampleModel()]) {
        const english = buildScoringEmbed(season, 'en');
        const embed = buildScoringEmbed(season, locale);
        expect(embed.title).not.toBe(english.title);
        const rules = (text: string | undefined) => (text ?? '').split('\n').filter((l) => l.startsWith('•'));
        const englishRules = rules(english.description);
        expect(englishRules.length).toBeGreaterThan(0);
        rules(embed.description).forEach((line, i) => {
          expect(line).not.toBe(englishRules[i]);
        });
        (embed.fields ?? []).forEach((field, i) => {
          expect(field.value).not.toBe(english.fields?.[i]?.value);
        });
      }
    },
  );
});
