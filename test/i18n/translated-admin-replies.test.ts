/**
 * The replies converted last — /setup (every subcommand, the STORAGE LOST notice), user mistakes and faults,
 * buttons and menus, refused presses and autocomplete labels — read in French and
 * German when replies are localised (forced on: the product switch stays off until every command is
 * converted), and stay within Discord's limits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIActionRowComponent, APIComponentInMessageActionRow } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { findCommand } from '../../commands/index.js';
import { answerLine } from '../../src/cli/run-cli.js';
import { planPress } from '../../src/components/press.js';
import { NO_INVOKER } from '../../src/core/app-context.js';
import type { BotServices, CommandContext, OptionValues, Reply } from '../../src/core/command.js';
import { buildGenericErrorReply, runCommand } from '../../src/core/run-command.js';
import { restartingNotice } from '../../src/discord/bot-core.js';
import { forceRepliesLocalised, replyLocale } from '../../src/i18n/reply-locale.js';
import type { SettingsStore } from '../../src/store/settings-store.js';
import {
  bundledApp,
  commandNamed,
  complete,
  expectValidCompletion,
  optionType,
  replyProblems,
  replyText,
} from '../commands/discord-limits.js';
import { CHANNEL_ID, type SetupHarness, setupHarness } from '../commands/setup-context.js';

forceRepliesLocalised(true);
afterEach(() => forceRepliesLocalised(true));

const app = bundledApp();
const inLocale = (locale: string): CommandContext => app.makeContext({ ...NO_INVOKER, locale });

async function answer(command: string, options: OptionValues, context: CommandContext) {
  const { reply, failure } = await runCommand(commandNamed(command), options, context);
  expect(failure).toBeNull();
  expect(replyProblems(reply)).toEqual([]);
  return { reply, text: replyText(reply) };
}

function labels(reply: Reply): string[] {
  const rows = (reply.data.components ?? []) as APIActionRowComponent<APIComponentInMessageActionRow>[];
  return rows.flatMap((row) =>
    row.components.flatMap((c) => [
      ...('label' in c && c.label ? [c.label] : []),
      ...('placeholder' in c && c.placeholder ? [c.placeholder] : []),
      ...('options' in c && c.options
        ? c.options.flatMap((o) => (o.description ? [o.description] : []))
        : []),
    ]),
  );
}

describe('user mistakes and faults', () => {
  test.each([
    ['fr', { round: 'xyz' }, 'manche doit être un nombre entier, pas “xyz”.'],
    ['de', { round: 'xyz' }, 'lauf muss eine ganze Zahl sein, nicht “xyz”.'],
    ['fr', { round: ' ' }, 'Quelle manche ? Indiquez son numéro, par exemple manche:1.'],
    ['de', { round: 9 }, 'Es gibt keinen Lauf 9: 2013 Blancpain Endurance Series hat die Läufe 1–5.'],
    ['fr', { round: 1, season: '1999' }, 'Aucune saison ne s’appelle “1999”.'],
  ])('%s: /results %j says what was wrong in the reader’s language', async (locale, options, sentence) => {
    const { reply, text } = await answer('results', options, inLocale(locale));
    expect(reply.data.flags).toBe(64);
    expect(text.split('\n')[0]).toBe(sentence);
  });

  test('suggestions follow under the reader’s "Did you mean"', async () => {
    expect((await answer('driver', { name: 'Bukh' }, inLocale('fr'))).text).toContain(
      'Vouliez-vous dire : Maximilian Buhk',
    );
    expect((await answer('results', { round: 9 }, inLocale('de'))).text).toContain('Meintest du: 1 (Monza)');
  });

  test('a value too long is measured with the reader’s digits', async () => {
    const { text } = await answer('driver', { name: 'x'.repeat(1234) }, inLocale('de'));
    expect(text).toBe('name ist zu lang: 1.234 Zeichen, höchstens 100.');
    const fr = await answer('driver', { name: 'x'.repeat(1234) }, inLocale('fr'));
    expect(fr.text).toBe('nom est trop long : 1\u202f234 caractères, 100 au maximum.');
  });

  test('a page that does not exist (from a forged button)', async () => {
    const { text } = await answer('standings', { class: 'pro', text: true, page: 40 }, inLocale('de'));
    expect(text).toMatch(/^Es gibt keine Seite 40: Diese Tabelle hat \d+\.$/);
  });

  test('a fault is apologised for in the reader’s language; the restart notice too', () => {
    expect(buildGenericErrorReply('fr').data.content).toMatch(/^Un problème est survenu de notre côté/);
    expect(buildGenericErrorReply('de').data.content).toMatch(
      /^Bei uns ist beim Antworten etwas schiefgegangen/,
    );
    expect(restartingNotice({ locale: 'fr' }).data.content).toBe(
      'Pitboard redémarre. Réessayez dans un instant.',
    );
    expect(restartingNotice({ locale: 'de' }).data.flags).toBe(64);
  });

  test('with the product switch off, a French reader still reads English (no half-translated answers)', async () => {
    forceRepliesLocalised(false);
    expect(replyLocale({ locale: 'fr' })).toBe('en');
    expect((await answer('results', { round: 'xyz' }, inLocale('fr'))).text).toBe(
      'round must be a whole number, not “xyz”.',
    );
  });
});

describe('the CLI’s own mistakes (a line it cannot read)', () => {
  test.each([
    ['fr', '/nonsense', 'Il n’y a pas de commande /“nonsense”.\nVouliez-vous dire : /standings'],
    ['de', '/setup', '/setup braucht einen dieser Unterbefehle: announcements, show'],
    ['fr', '/results round:1 colour:red', '/results n’a pas d’option “colour”.'],
  ])('%s: %s', async (locale, line, expected) => {
    const options = { mode: 'ask', json: false, outDir: null } as const;
    const { output } = await answerLine(line, options, inLocale(locale));
    expect(output).toContain(expected);
  });
});

describe('buttons, menus and refused presses', () => {
  test.each([
    ['fr', ['◀ Précédent', 'Suivant ▶', 'Voir l’image', 'Autre catégorie']],
    ['de', ['◀ Zurück', 'Weiter ▶', 'Bild zeigen', 'Andere Klasse']],
  ])('%s: the standings pager, view toggle and class switcher', async (locale, expected) => {
    const { reply } = await answer('standings', { class: 'pro', text: true }, inLocale(locale));
    expect(labels(reply)).toEqual(expected);
  });

  test.each([
    ['fr', ['◀ Précédent', 'Manche 2 · Silverstone ▶']],
    ['de', ['◀ Zurück', 'Lauf 2 · Silverstone ▶']],
  ])('%s: /results round buttons name the round they lead to', async (locale, expected) => {
    const { reply } = await answer('results', { round: 1 }, inLocale(locale));
    expect(labels(reply)).toEqual(expected);
  });

  test('the driver pick list’s menu', async () => {
    const { reply } = await answer('driver', { name: 'Max' }, inLocale('de'));
    expect(labels(reply)[0]).toBe('Fahrer wählen');
  });

  test.each([
    [
      'fr',
      /^Ces boutons datent d’une version antérieure des données de 2013 Blancpain .*Relancez \/résultats/,
    ],
    [
      'de',
      /^Diese Buttons gehören zu einer älteren Version der Daten von 2013 Blancpain .*Führe \/ergebnisse/,
    ],
  ])(
    '%s: a stale button says so, naming the command as the reader’s client does',
    async (locale, expected) => {
      const context = inLocale(locale);
      const { reply } = await answer('results', { round: 2 }, context);
      const row = reply.data.components?.[0] as APIActionRowComponent<APIComponentInMessageActionRow>;
      const id = (row.components[0] as { custom_id: string }).custom_id;
      const stale = id.replace(/^pb1:[0-9a-f]+:/, 'pb1:00000000:');
      const plan = planPress(
        { customId: stale, values: [] },
        findCommand,
        context.seasons,
        replyLocale({ locale }),
      );
      expect(plan.ok).toBe(false);
      if (!plan.ok) {
        expect(plan.reply.data.content).toMatch(expected);
        expect(replyProblems(plan.reply)).toEqual([]);
      }
    },
  );

  test('a damaged button, in French', () => {
    const plan = planPress({ customId: 'hello', values: [] }, findCommand, app.catalog, 'fr');
    expect(!plan.ok && plan.reply.data.content).toMatch(/^Ce bouton ou ce menu ne vient pas de Pitboard/);
  });
});

describe('autocomplete labels', () => {
  test.each([
    ['fr', 'Pro Cup 1er'],
    ['de', 'Pro Cup 1.'],
    ['en-GB', 'Pro Cup 1st'],
  ])('%s: a driver’s class standing uses the language’s ordinal', (locale, expected) => {
    const completion = complete('driver', { name: 'name', value: 'Buhk' }, {}, inLocale(locale));
    expectValidCompletion(completion, optionType('driver', 'name'));
    expect(completion.choices[0]?.name).toContain(`· ${expected}`);
  });
});

describe('/setup', () => {
  let dir: string;
  let harness: SetupHarness;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pitboard-setup-fr-de-'));
    harness = await setupHarness(app, dir);
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const as = (locale: string, over: Partial<CommandContext['invoker']> = {}): CommandContext => {
    const base = harness.context();
    return { ...base, invoker: { ...base.invoker, locale, ...over } };
  };

  test('each subcommand answers in French, then /setup show sums it up in German', async () => {
    const fr = as('fr');
    const announced = await answer(
      'setup',
      { subcommand: 'announcements', channel: CHANNEL_ID, spoiler_delay: 2 },
      fr,
    );
    expect(announced.text).toBe(
      [
        `Les résumés de **2013 Blancpain Endurance Series** seront publiés dans <#${CHANNEL_ID}> après chaque manche, 2 h après l’arrivée.`,
        'Les résumés ne mentionnent personne.',
        'Les manches terminées dans les 24 dernières heures sont publiées tout de suite ; les plus anciennes ne le sont pas.',
      ].join('\n'),
    );
    const replay = await answer('setup', { subcommand: 'replay', start: 'in 5m', speed: 60 }, fr);
    expect(replay.text).toMatch(
      /^On revit \*\*2013 Blancpain Endurance Series\*\* en vitesse ×60 :\nM1 Monza : <t:/,
    );
    expect(replay.text).toContain(
      `Les résumés seront publiés dans <#${CHANNEL_ID}> à la fin de chaque manche.`,
    );
    const live = await answer(
      'setup',
      { subcommand: 'live-standings', channel: CHANNEL_ID, class: 'pro' },
      fr,
    );
    expect(live.text).toBe(
      [
        `Pro Cup : publié dans <#${CHANNEL_ID}> dans un instant, puis modifié sur place à chaque changement.`,
        'Chaque message est épinglé si Pitboard en a le droit dans ce salon (permission « Épingler des messages »).',
      ].join('\n'),
    );
    const shown = await answer('setup', { subcommand: 'show' }, as('de'));
    const embed = shown.reply.data.embeds?.[0];
    expect(embed?.title).toBe('Pitboard-Einstellungen');
    expect(embed?.description?.split('\n')).toEqual([
      `Rückblicke erscheinen in <#${CHANNEL_ID}>.`,
      'Saison: 2013 Blancpain Endurance Series',
      'Erwähnung: niemand · Spoiler-Verzögerung: 2 Std.',
      expect.stringMatching(/^Nacherleben: Lauf 1 endet am <t:\d+:F>, 60-fache Geschwindigkeit\.$/),
      'Letzter Rückblick: noch keiner.',
      'Sprache der Beiträge: die Sprache des Servers in Discord',
      `Live-Tabelle Pro Cup in <#${CHANNEL_ID}>: wird gerade gepostet.`,
      expect.stringMatching(/^Nächster nacherlebter Lauf: 1 \(Monza\) endet <t:\d+:R>\.$/),
    ]);
    expect((await answer('setup', { subcommand: 'replay', start: 'off' }, as('de'))).text).toBe(
      'Nacherleben ist aus: Termine und Rückblicke folgen dem echten Kalender.',
    );
    expect((await answer('setup', { subcommand: 'off' }, fr)).text).toBe(
      'Résumés et classements en direct désactivés. Plus rien ne sera publié ni modifié ; les messages déjà publiés restent tels quels.',
    );
    expect((await answer('setup', { subcommand: 'off' }, as('de'))).text).toBe(
      'Rückblicke und Live-Tabellen waren schon ausgeschaltet.',
    );
  });

  test.each([
    [
      'fr',
      { subcommand: 'replay', start: 'demain' },
      '“demain” n’est pas une heure. Écrivez 2026-12-01, 2026-12-01T18:00Z, "in 5m" ou "off".',
    ],
    [
      'de',
      { subcommand: 'announcements', channel: CHANNEL_ID, spoiler_delay: 500 },
      'Die Spoiler-Verzögerung ist eine ganze Zahl von Stunden zwischen 0 und 168.',
    ],
    ['fr', { subcommand: 'replay', start: '2026-02-31' }, 'Le 31 février 2026 n’existe pas.'],
    ['de', { subcommand: 'replay', start: '2026-02-31' }, 'Den 31. Februar 2026 gibt es nicht.'],
    [
      'de',
      { subcommand: 'replay', start: '2026-12-01T24:00Z' },
      '24:00 ist keine gültige Uhrzeit (00:00 bis 23:59:59).',
    ],
    [
      'fr',
      { subcommand: 'language', language: 'klingon' },
      'Choisissez une langue dans la liste : English, Français, Deutsch, Italiano, Nederlands, Español, La langue du serveur sur Discord.',
    ],
    [
      'de',
      { subcommand: 'live-standings', channel: CHANNEL_ID, class: 'lmp1' },
      '2013 Blancpain Endurance Series hat noch keine Tabelle für die Klasse “lmp1”.',
    ],
  ])('%s: %j is refused in one sentence', async (locale, options, sentence) => {
    const { reply, text } = await answer('setup', options, as(locale));
    expect(reply.data.flags).toBe(64);
    expect(text.split('\n')[0]).toBe(sentence);
  });

  test('without Manage Server, and outside a server', async () => {
    expect((await answer('setup', { subcommand: 'show' }, as('de', { permissions: '0' }))).text).toBe(
      'Nur Mitglieder mit der Berechtigung „Server verwalten“ können die Einstellungen von Pitboard ändern.',
    );
    expect((await answer('setup', { subcommand: 'show' }, as('fr', { guildId: null }))).text).toBe(
      '/configuration ne fonctionne que sur un serveur, là où les résumés peuvent être publiés.',
    );
  });

  test('the STORAGE LOST notice', async () => {
    const loss = { detectedAt: '2026-03-01T10:00:00.000Z', reason: 'test', epoch: 'e' };
    const settings = {
      epoch: { check: async () => loss },
      get: async () => null,
    } as unknown as SettingsStore;
    const services: BotServices = { ...harness.services, settings };
    const ask = (locale: string) =>
      answer(
        'setup',
        { subcommand: 'show' },
        { ...as(locale), services, invoker: { ...as(locale).invoker, guildId: '100000000000000099' } },
      );
    const fr = (await ask('fr')).text.split('\n');
    expect(fr[0]).toMatch(/^⚠️ Le stockage de Pitboard a perdu ses données \(constaté le <t:\d+:F>\)/);
    expect(fr[2]).toBe(
      'Les résumés qui étaient dus avant la perte ne sont pas republiés : aucun n’arrivera en double.',
    );
    const de = (await ask('de')).text.split('\n');
    expect(de[1]).toMatch(/^Falls die Rückblicke auf diesem Server eingeschaltet waren, sind sie jetzt aus/);
  });
});
