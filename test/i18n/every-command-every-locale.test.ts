/**
 * Issue 15's matrix: every command — its main option variants, its mistakes, the buttons and menus of its
 * replies, its autocomplete — in every locale Discord may send (en, en-GB, en-US, fr, de, it, nl, es-ES), with
 * replies localised (forced on here, whatever the product switch REPLIES_LOCALISED says). Every answer passes the Discord payload checks (both validators: limits, flags, mentions), and
 * an answer in a translated locale carries no English of ours. The command definitions' name rules and the
 * 8,000-character limit in every locale are test/commands/localized-definitions.test.ts's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIActionRowComponent, APIComponentInMessageActionRow } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findCommand } from '../../commands/index.js';
import { planPress } from '../../src/components/press.js';
import { NO_INVOKER } from '../../src/core/app-context.js';
import type { CommandContext, OptionValues, Reply } from '../../src/core/command.js';
import { runCommand } from '../../src/core/run-command.js';
import { DISCORD_LOCALE_NAMES, resolveLocale } from '../../src/i18n/locale.js';
import { forceRepliesLocalised } from '../../src/i18n/reply-locale.js';
import {
  bundledApp,
  commandNamed,
  complete,
  completionProblems,
  optionType,
  replyProblems,
  replyText,
} from '../commands/discord-limits.js';
import { GUILD_ID, type SetupHarness, setupHarness } from '../commands/setup-context.js';
import { dataTexts, englishLeaks } from './english-leaks.js';

forceRepliesLocalised(true);

interface Case {
  name: string;
  command: string;
  options: OptionValues;
  /** Press the reply's buttons and menus too. */
  press?: boolean;
}

const QUERY_CASES: Case[] = [
  { name: '/standings pro text', command: 'standings', options: { class: 'pro', text: true }, press: true },
  {
    name: '/standings pro-am text hide',
    command: 'standings',
    options: { class: 'pro-am', text: true, hide: true },
  },
  {
    name: '/standings gentlemen (picture)',
    command: 'standings',
    options: { class: 'gentlemen' },
  },
  {
    name: '/standings pro chart',
    command: 'standings',
    options: { class: 'pro', chart: true },
  },
  { name: '/standings lmp1 (no such class)', command: 'standings', options: { class: 'lmp1' } },
  { name: '/standings season:1999', command: 'standings', options: { class: 'pro', season: '1999' } },
  { name: '/standings round:xyz', command: 'standings', options: { class: 'pro', round: 'xyz' } },
  { name: '/standings hide:maybe', command: 'standings', options: { class: 'pro', hide: 'maybe' } },
  { name: '/standings class too long', command: 'standings', options: { class: 'x'.repeat(300) } },
  { name: '/driver Buhk', command: 'driver', options: { name: 'Buhk' } },
  { name: '/driver Catsburg hide', command: 'driver', options: { name: 'Catsburg', hide: true } },
  { name: '/driver Max (pick list)', command: 'driver', options: { name: 'Max' }, press: true },
  { name: '/driver Bukh (suggestions)', command: 'driver', options: { name: 'Bukh' } },
  { name: '/driver zzzz', command: 'driver', options: { name: 'zzzz' } },
  { name: '/driver (blank)', command: 'driver', options: { name: ' ' } },
  { name: '/results 1', command: 'results', options: { round: 1 }, press: true },
  { name: '/results 4 (Spa)', command: 'results', options: { round: 4 } },
  { name: '/results 9', command: 'results', options: { round: 9 } },
  { name: '/results xyz', command: 'results', options: { round: 'xyz' } },
  { name: '/results (blank)', command: 'results', options: { round: ' ' } },
  { name: '/recap 1', command: 'recap', options: { round: 1 }, press: true },
  { name: '/recap 5', command: 'recap', options: { round: 5 } },
  { name: '/recap 6', command: 'recap', options: { round: 6 } },
  { name: '/calendar text', command: 'calendar', options: { text: true } },
  { name: '/calendar (picture)', command: 'calendar', options: {} },
  { name: '/scoring', command: 'scoring', options: {} },
  { name: '/lineup car:84', command: 'lineup', options: { car: 84 } },
  { name: '/lineup team:HTP', command: 'lineup', options: { team: 'HTP Motorsport' } },
  { name: '/lineup car:9999', command: 'lineup', options: { car: 9999 } },
  { name: '/title pro', command: 'title', options: { class: 'pro' } },
  { name: '/compare Buhk Götz', command: 'compare', options: { a: 'Buhk', b: 'Götz' } },
];

const COMPLETIONS: { command: string; focused: string; typed: string }[] = [
  { command: 'driver', focused: 'name', typed: '' },
  { command: 'driver', focused: 'name', typed: 'max' },
  { command: 'results', focused: 'round', typed: 'spa' },
  { command: 'standings', focused: 'season', typed: '' },
  { command: 'lineup', focused: 'team', typed: 'rac' },
  { command: 'compare', focused: 'a', typed: 'buhk' },
];

const app = bundledApp();
const model = app.catalog.defaultSeason();
const data = dataTexts(model);

function contextIn(locale: string): CommandContext {
  return app.makeContext({ ...NO_INVOKER, locale, guildLocale: locale });
}

/** Every problem of one answer: Discord's checks, an unexpected failure, and English where it should not be. */
function problemsOf(reply: Reply, failure: unknown, locale: string, checkLanguage: boolean, typed: string[]) {
  const problems = [...replyProblems(reply)];
  if (failure) problems.push(`failed: ${String(failure)}`);
  if (reply.data.allowed_mentions?.parse?.length !== 0) problems.push('allowed_mentions must parse nothing');
  if (checkLanguage)
    problems.push(
      ...englishLeaks(
        [replyText(reply), ...componentTexts(reply)].join('\n'),
        resolveLocale(locale),
        data,
        typed,
      ),
    );
  return problems;
}

function typedValues(options: OptionValues): string[] {
  return Object.values(options)
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim());
}

/** What the reply's buttons and menus say: labels, placeholders, option labels and descriptions. */
function componentTexts(reply: Reply): string[] {
  return rowsOf(reply).flatMap((row) =>
    row.components.flatMap((c) => [
      ...('label' in c && c.label ? [c.label] : []),
      ...('placeholder' in c && c.placeholder ? [c.placeholder] : []),
      ...('options' in c && c.options ? c.options.flatMap((o) => [o.label, o.description ?? '']) : []),
    ]),
  );
}

function rowsOf(reply: Reply): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  return (reply.data.components ?? []) as APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** Each enabled button and, for a menu, its first option: what a reader can press on the reply. */
function pressesOf(reply: Reply): { customId: string; values: string[] }[] {
  return rowsOf(reply).flatMap((row) =>
    row.components.flatMap((component) => {
      if (!('custom_id' in component) || ('disabled' in component && component.disabled)) return [];
      if ('options' in component && component.options)
        return [{ customId: component.custom_id, values: [component.options[0]?.value ?? ''] }];
      return [{ customId: component.custom_id, values: [] }];
    }),
  );
}

describe.each(DISCORD_LOCALE_NAMES)('in %s', (locale) => {
  test.each(QUERY_CASES)('$name', async (c) => {
    const context = contextIn(locale);
    const { reply, failure } = await runCommand(commandNamed(c.command), c.options, context);
    const typed = typedValues(c.options);
    expect(problemsOf(reply, failure, locale, true, typed)).toEqual([]);
    if (!c.press) return;
    const presses = pressesOf(reply);
    expect(presses.length).toBeGreaterThan(0);
    for (const press of presses) {
      const plan = planPress(press, findCommand, context.seasons, resolveLocale(locale));
      expect(plan.ok, press.customId).toBe(true);
      if (!plan.ok) continue;
      const pressed = await runCommand(plan.command, plan.options, context);
      expect(problemsOf(pressed.reply, pressed.failure, locale, true, typed), press.customId).toEqual([]);
    }
  });

  test('refused presses: a stale button and a damaged one', async () => {
    const context = contextIn(locale);
    const { reply } = await runCommand(commandNamed('results'), { round: 2 }, context);
    const [first] = pressesOf(reply);
    if (!first) throw new Error('/results 2 has buttons');
    const stale = { customId: first.customId.replace(/^pb1:[0-9a-f]+:/, 'pb1:00000000:'), values: [] };
    for (const press of [stale, { customId: 'pb1:zz', values: [] }]) {
      const plan = planPress(press, findCommand, context.seasons, resolveLocale(locale));
      expect(plan.ok).toBe(false);
      if (!plan.ok) expect(problemsOf(plan.reply, null, locale, true, [press.customId])).toEqual([]);
    }
  });

  test.each(COMPLETIONS)('autocomplete /$command $focused:“$typed”', ({ command, focused, typed }) => {
    const completion = complete(command, { name: focused, value: typed }, {}, contextIn(locale));
    expect(completion.failure).toBeNull();
    expect(completionProblems(completion, optionType(command, focused))).toEqual([]);
    for (const choice of completion.choices)
      expect(englishLeaks(choice.name, resolveLocale(locale), data)).toEqual([]);
  });
});

describe.each(DISCORD_LOCALE_NAMES)('/setup in %s', (locale) => {
  let dir: string;
  let harness: SetupHarness;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pitboard-setup-locale-'));
    harness = await setupHarness(app, dir);
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const CHANNEL = '200000000000000777';
  /** In order: a fresh server, every subcommand, its mistakes, and show after each kind of change. */
  const steps: [string, OptionValues][] = [
    ['show (nothing set)', { subcommand: 'show' }],
    ['off (already off)', { subcommand: 'off' }],
    ['announcements without a channel', { subcommand: 'announcements', channel: 'general' }],
    ['announcements role:bad', { subcommand: 'announcements', channel: CHANNEL, role: 'fans' }],
    [
      'announcements spoiler_delay:500',
      { subcommand: 'announcements', channel: CHANNEL, spoiler_delay: 500 },
    ],
    ['announcements season:1999', { subcommand: 'announcements', channel: CHANNEL, season: '1999' }],
    [
      'announcements',
      { subcommand: 'announcements', channel: CHANNEL, role: '300000000000000009', spoiler_delay: 2 },
    ],
    ['replay tomorrow', { subcommand: 'replay', start: 'tomorrow' }],
    ['replay 2026-02-31', { subcommand: 'replay', start: '2026-02-31' }],
    ['replay 2026-13-01', { subcommand: 'replay', start: '2026-13-01' }],
    ['replay speed:0', { subcommand: 'replay', start: 'in 5m', speed: 0 }],
    ['replay in 5m', { subcommand: 'replay', start: 'in 5m', speed: 60 }],
    ['language fr', { subcommand: 'language', language: 'fr' }],
    ['language klingon', { subcommand: 'language', language: 'klingon' }],
    ['live-standings', { subcommand: 'live-standings', channel: CHANNEL }],
    ['live-standings again', { subcommand: 'live-standings', channel: CHANNEL }],
    ['live-standings class:lmp1', { subcommand: 'live-standings', channel: CHANNEL, class: 'lmp1' }],
    ['show (everything set)', { subcommand: 'show' }],
    ['replay off', { subcommand: 'replay', start: 'off' }],
    ['off', { subcommand: 'off' }],
    ['an unknown subcommand', { subcommand: 'nonsense' }],
  ];

  test.each(steps)('%s', async (_name, options) => {
    const base = harness.context();
    const context = { ...base, invoker: { ...base.invoker, guildId: GUILD_ID, locale } };
    const { reply, failure } = await runCommand(commandNamed('setup'), options, context);
    expect(problemsOf(reply, failure, locale, true, typedValues(options))).toEqual([]);
  });

  test('without Manage Server, and outside a server', async () => {
    const base = harness.context();
    for (const invoker of [
      { ...base.invoker, permissions: '0', locale },
      { ...base.invoker, guildId: null, locale },
    ]) {
      const { reply, failure } = await runCommand(
        commandNamed('setup'),
        { subcommand: 'show' },
        { ...base, invoker },
      );
      expect(problemsOf(reply, failure, locale, true, [])).toEqual([]);
    }
  });
});
