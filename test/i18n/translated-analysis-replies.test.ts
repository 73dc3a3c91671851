/**
 * /lineup, /title, /compare and the points progression read in the reader's language: our words translated,
 * names as published kept, Discord's limits still met, and no English sentence of the catalogue left in a
 * reply in another language. Builders get the locale directly: the product switch (REPLIES_LOCALISED) stays
 * off until every command is converted.
 */
import { describe, expect, test } from 'vitest';
import { liveRecapOf } from '../../src/announce/recap-facts.js';
import { createAppContext } from '../../src/core/app-context.js';
import { buildReply } from '../../src/core/reply.js';
import type { Locale } from '../../src/i18n/locale.js';
import { TRANSLATED_LOCALES } from '../../src/i18n/locale.js';
import { buildCompareEmbed, buildPublishedCompareEmbed } from '../../src/replies/compare.js';
import { buildCarLineupEmbed, buildTeamLineupEmbed } from '../../src/replies/lineup.js';
import { buildLiveRecapEmbed } from '../../src/replies/live-recap.js';
import { buildProgressionEmbed, progressionReply } from '../../src/replies/progression.js';
import type { SafeEmbed } from '../../src/replies/safe-text.js';
import { buildPublishedTitleEmbed, buildTitleEmbed, titleDecidedLine } from '../../src/replies/title.js';
import { headToHead } from '../../src/season/head-to-head.js';
import type { SeasonModel } from '../../src/season/model.js';
import { progression } from '../../src/season/progression.js';
import { carLineup, lookupPerson, lookupTeam, teamEntries } from '../../src/season/queries.js';
import { titleRace } from '../../src/season/title-race.js';
import { messageLimitProblems } from '../commands/discord-limits.js';
import { editedModel, exampleModel } from '../live/example-season.js';
import { englishLeaks } from './english-leaks.js';

const bundled = createAppContext().catalog.defaultSeason();
const example = exampleModel();

/** Every text of an embed, in reading order. */
function embedTexts(embed: SafeEmbed): string[] {
  return [
    embed.title ?? '',
    embed.description ?? '',
    ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
    embed.footer?.text ?? '',
  ];
}

/** Within Discord's limits as a reply, and no English sentence of ours in another language. */
function expectGoodReply(embed: SafeEmbed, locale: Locale): void {
  const body = { type: 4, data: buildReply({ embeds: [embed] }).data };
  expect(messageLimitProblems(body)).toEqual([]);
  expect(englishLeaks(embedTexts(embed).join('\n'), locale)).toEqual([]);
  // The source footer is too short for the leak check: its English opening is checked on its own.
  expect(embed.footer?.text).not.toMatch(/^Source: /);
}

function personId(model: SeasonModel, name: string): string {
  const found = lookupPerson(model, name);
  if (found.kind !== 'found') throw new Error(`${name} is not one person`);
  return found.person.id;
}

/** The example season with a round 4 in which pro-am car 50 wins and its rivals retire: the title is decided. */
function decidedModel(): SeasonModel {
  return editedModel({
    rounds: (rounds) => [
      ...rounds,
      {
        round: 4,
        classifications: [
          {
            class: 'pro-am',
            stage: 'race',
            order: [
              { position: 1, car: 50, status: null, drivers: null },
              { position: null, car: 55, status: 'Ret', drivers: null },
              { position: null, car: 61, status: 'Ret', drivers: null },
            ],
          },
        ],
        penalties: [],
      },
    ],
  });
}

describe('/lineup in every language', () => {
  const cars = [71, 84, 1];
  test.each(TRANSLATED_LOCALES)('%s: cars and teams, our words translated, names as published', (locale) => {
    for (const car of cars) {
      const found = carLineup(bundled, car);
      const english = buildCarLineupEmbed(bundled, car, found.entries, found.wins, 'en');
      const embed = buildCarLineupEmbed(bundled, car, found.entries, found.wins, locale);
      expect(embed.title).not.toBe(english.title);
      expect(embed.footer?.text).not.toBe(english.footer?.text);
      if (english.description) expect(embed.description).not.toBe(english.description);
      const names = (embed.fields ?? []).map((f) => f.name);
      const englishNames = (english.fields ?? []).map((f) => f.name);
      expect(names).toHaveLength(englishNames.length);
      // Entry headings are class, number and team as published; the headings of ours are translated.
      names.forEach((name, i) => {
        if (englishNames[i]?.includes('#')) expect(name).toBe(englishNames[i]);
        else expect(name).not.toBe(englishNames[i]);
      });
      expectGoodReply(embed, locale);
    }
    const team = lookupTeam(bundled, 'HTP Motorsport');
    if (team.kind !== 'found') throw new Error('HTP Motorsport is one team');
    const { entries, wins } = teamEntries(bundled, team.team.id);
    const english = buildTeamLineupEmbed(bundled, team.team.id, entries, wins, 'en');
    const embed = buildTeamLineupEmbed(bundled, team.team.id, entries, wins, locale);
    expect(embed.title).toBe(english.title);
    expect(embed.description).not.toBe(english.description);
    expectGoodReply(embed, locale);
  });

  test('French and German read as fans write them', () => {
    const found = carLineup(bundled, 71);
    const french = buildCarLineupEmbed(bundled, 71, found.entries, found.wins, 'fr');
    expect(french.title).toMatch(/^Voiture nº 71 — /);
    expect(french.description).toMatch(
      /^La nº 71 a couru en : Pro Cup avec SMP Racing \(les manches 1–3\) → Pro-Am Cup avec SMP Racing \(/,
    );
    const german = buildCarLineupEmbed(bundled, 71, found.entries, found.wins, 'de');
    expect(german.description).toMatch(
      /^Die #71 startete als: Pro Cup bei SMP Racing \(Läufe 1–3\) → Pro-Am Cup bei SMP Racing \(/,
    );
  });
});

describe('/title in every language', () => {
  const open = titleRace(example, 'pro-am', 3);
  const decided = titleRace(decidedModel(), 'pro-am', 4);
  const english = buildTitleEmbed(example, open, 'en');

  test.each(TRANSLATED_LOCALES)('%s: an open fight, every line and heading of ours translated', (locale) => {
    const embed = buildTitleEmbed(example, open, locale);
    expect(embed.title).not.toBe(english.title);
    const lines = (embed.description ?? '').split('\n');
    const englishLines = (english.description ?? '').split('\n');
    expect(lines).toHaveLength(englishLines.length);
    lines.forEach((line, i) => {
      expect(line).not.toBe(englishLines[i]);
    });
    const fields = embed.fields ?? [];
    expect(fields).toHaveLength(english.fields?.length ?? 0);
    fields.forEach((field, i) => {
      expect(field.name).not.toBe(english.fields?.[i]?.name);
      expect(field.value).not.toBe(english.fields?.[i]?.value);
    });
    expectGoodReply(embed, locale);
  });

  test.each(TRANSLATED_LOCALES)('%s: a decided title, a published one, the recap line', (locale) => {
    const model = decidedModel();
    const embed = buildTitleEmbed(model, decided, locale);
    expect(embed.description).not.toBe(buildTitleEmbed(model, decided, 'en').description);
    expectGoodReply(embed, locale);
    const table = bundled.standings.get('pro');
    if (!table) throw new Error('the bundled season publishes a Pro Cup table');
    for (const asked of [null, 2]) {
      const published = buildPublishedTitleEmbed(bundled, table, asked, locale);
      expect(published.description).not.toBe(
        buildPublishedTitleEmbed(bundled, table, asked, 'en').description,
      );
      expectGoodReply(published, locale);
    }
    const round4 = model.rounds[3];
    const facts = round4 ? liveRecapOf(model, round4) : null;
    if (!round4 || !facts) throw new Error('round 4 has a live recap');
    // The posted recap leads with the line, in the server's language.
    const recapLead = buildLiveRecapEmbed(model, round4, facts, locale).description?.split('\n')[0];
    expect(recapLead).toBe(titleDecidedLine(model, 4, locale));
    const line = titleDecidedLine(model, 4, locale) ?? '';
    expect(line).toContain('Lena Lind / 🇮🇹 Marco Moretti');
    expect(line).not.toBe(titleDecidedLine(model, 4, 'en'));
    expect(englishLeaks(line, locale)).toEqual([]);
  });

  test('what each needs, as whole sentences with the language’s plurals and lists', () => {
    const needs = (locale: Locale) => buildTitleEmbed(example, open, locale).fields?.at(-1)?.value ?? '';
    expect(needs('fr')).toContain(
      '**🇸🇪 Lena Lind / 🇮🇹 Marco Moretti** s’assure le titre à Nürburgring en marquant au moins 18 points de plus que 🇫🇷 Nora Noël / 🇪🇸 Oscar Ortiz et 🇺🇸 Pia Park / 🇨🇦 Quinn Quade ; avec un point de moins',
    );
    expect(needs('de')).toContain(
      'sichert sich den Titel in Nürburgring mit mindestens 18 Punkten mehr als 🇫🇷 Nora Noël / 🇪🇸 Oscar Ortiz und 🇺🇸 Pia Park',
    );
    expect(needs('es-ES')).toContain(
      'se asegura el título en Nürburgring sumando al menos 18 puntos más que',
    );
    expect(buildTitleEmbed(example, open, 'it').description).toMatch(
      /^\*\*Aperto\*\*: 3 possono ancora vincere/,
    );
    expect(titleDecidedLine(decidedModel(), 4, 'nl')).toBe(
      '🏆 🇸🇪 Lena Lind / 🇮🇹 Marco Moretti stelt de titel Pro-Am Cup veilig in Nürburgring.',
    );
  });
});

describe('/compare in every language', () => {
  const lind = personId(example, 'Lind');
  const noel = personId(example, 'Noël');
  const buhk = personId(bundled, 'Buhk');
  const martin = personId(bundled, 'Maxime Martin');

  test.each(TRANSLATED_LOCALES)('%s: head to head, computed and published, translated', (locale) => {
    const h2h = headToHead(example, lind, noel);
    if (h2h.kind === 'published') throw new Error('the example season is computed');
    const english = buildCompareEmbed(example, lind, noel, h2h, 'en');
    const embed = buildCompareEmbed(example, lind, noel, h2h, locale);
    const lines = (embed.description ?? '').split('\n');
    (english.description ?? '').split('\n').forEach((line, i) => {
      expect(lines[i]).not.toBe(line);
    });
    (embed.fields ?? []).forEach((field, i) => {
      expect(field.name).not.toBe(english.fields?.[i]?.name);
    });
    expectGoodReply(embed, locale);

    const published = headToHead(bundled, buhk, martin);
    if (published.kind !== 'published') throw new Error('the bundled season is published');
    const englishPublished = buildPublishedCompareEmbed(bundled, buhk, martin, published, 'en');
    const translated = buildPublishedCompareEmbed(bundled, buhk, martin, published, locale);
    expect(translated.description).not.toBe(englishPublished.description);
    expectGoodReply(translated, locale);
  });

  test('ordinals and points in French and German', () => {
    const h2h = headToHead(example, lind, noel);
    if (h2h.kind === 'published') throw new Error('the example season is computed');
    const text = (locale: Locale) =>
      embedTexts(buildCompareEmbed(example, lind, noel, h2h, locale)).join('\n');
    expect(text('fr')).toContain('R1 Portimão : 2e (18) · 1er (25) ◀ 🇫🇷 Nora Noël');
    expect(text('fr')).toContain('(🇸🇪 Lena Lind devant de 8)');
    expect(text('de')).toContain('R1 Portimão: 2. (18) · 1. (25) ◀ 🇫🇷 Nora Noël');
    expect(text('de')).toContain('nach R3: 82 · 74 · +8');
  });
});

describe('the points progression in every language', () => {
  test.each(TRANSLATED_LOCALES)('%s: the text chart and the "nothing to draw" answer', async (locale) => {
    const p = progression(example, 'pro', 3);
    const english = buildProgressionEmbed(example, p, 'en');
    const embed = buildProgressionEmbed(example, p, locale);
    expect(embed.title).not.toBe(english.title);
    expect(embed.description?.split('\n-# ')[1]).not.toBe(english.description?.split('\n-# ')[1]);
    expectGoodReply(embed, locale);
    const noneEmbed = (await progressionReply(bundled, 'pro', { text: true }, locale)).data.embeds?.[0];
    const englishNone = (await progressionReply(bundled, 'pro', { text: true }, 'en')).data.embeds?.[0];
    if (!noneEmbed) throw new Error('the progression answer has an embed');
    expect(noneEmbed.description).not.toBe(englishNone?.description);
    expectGoodReply(noneEmbed as SafeEmbed, locale);
  });
});
