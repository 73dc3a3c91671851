import {
  formatProblems,
  validateCommandDefinition,
  validateCommandList,
} from '@pitboard/local-discord/validation';
import {
  type APIApplicationCommandOption,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  ApplicationCommandOptionType as T,
} from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { chars } from './discord-limits.js';

/** The contract of the brief's commands table, as Discord sees it: option name, type, required, extras. */
interface Expected {
  name: string;
  type: T;
  required: boolean;
  autocomplete?: boolean;
  choices?: string[];
}

const season: Expected = { name: 'season', type: T.String, required: false };
const hide: Expected = { name: 'hide', type: T.Boolean, required: false };
const round: Expected = { name: 'round', type: T.Integer, required: true, autocomplete: true };

const CONTRACT: Record<string, Expected[]> = {
  standings: [
    { name: 'class', type: T.String, required: true, choices: ['pro', 'pro-am', 'gentlemen'] },
    season,
    hide,
  ],
  title: [
    { name: 'class', type: T.String, required: true, choices: ['pro', 'pro-am', 'gentlemen'] },
    { name: 'round', type: T.Integer, required: false, autocomplete: true },
    season,
    hide,
  ],
  compare: [
    { name: 'a', type: T.String, required: true, autocomplete: true },
    { name: 'b', type: T.String, required: true, autocomplete: true },
    season,
    hide,
  ],
  driver: [{ name: 'name', type: T.String, required: true, autocomplete: true }, season, hide],
  results: [round, season],
  lineup: [
    { name: 'car', type: T.Integer, required: false },
    { name: 'team', type: T.String, required: false, autocomplete: true },
    season,
  ],
  calendar: [season],
  scoring: [season],
  recap: [round, season],
};

function summary(option: APIApplicationCommandOption): Expected {
  const out: Expected = {
    name: option.name,
    type: option.type,
    required: 'required' in option && option.required === true,
  };
  if ('autocomplete' in option && option.autocomplete) out.autocomplete = true;
  if ('choices' in option && option.choices) out.choices = option.choices.map((c) => String(c.value));
  return out;
}

const QUERY_COMMANDS = Object.keys(CONTRACT);

describe('command definitions', () => {
  test("the brief's commands are all registered, query commands first, in a stable order", () => {
    expect(commands.map((c) => c.definition.name)).toEqual([...QUERY_COMMANDS, 'setup']);
  });

  test.each(commands.map((c) => [c.definition.name, c] as const))(
    '/%s passes Discord validation',
    (_name, command) => {
      expect(formatProblems(validateCommandDefinition(command.definition))).toEqual([]);
      expect(command.definition.type ?? ApplicationCommandType.ChatInput).toBe(
        ApplicationCommandType.ChatInput,
      );
    },
  );

  test.each(QUERY_COMMANDS)(
    '/%s has the options of the contract, in order; anything added is optional',
    (name) => {
      const command = commands.find((c) => c.definition.name === name);
      const options = (command?.definition.options ?? []).map(summary);
      const contract = CONTRACT[name] ?? [];
      const named = new Set(contract.map((o) => o.name));
      // The season option may or may not autocomplete: the brief leaves it open (toEqual ignores undefined).
      const promised = options
        .filter((o) => named.has(o.name))
        .map((o) => (o.name === 'season' ? { ...o, autocomplete: undefined } : o));
      expect(promised).toEqual(contract);
      // Options beyond the brief (e.g. a display switch) must not make old invocations invalid.
      for (const extra of options.filter((o) => !named.has(o.name)))
        expect(extra).toMatchObject({ required: false });
    },
  );

  test('/setup: announcements channel:#…, show, off; Manage Server only; servers only', () => {
    const setup = commands.find((c) => c.definition.name === 'setup')?.definition;
    expect(setup?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(setup?.contexts).toEqual([InteractionContextType.Guild]);
    const subcommands = setup?.options ?? [];
    for (const sub of subcommands) expect(sub.type).toBe(T.Subcommand);
    expect(subcommands.map((o) => o.name)).toEqual(expect.arrayContaining(['announcements', 'show', 'off']));
    const announcements = subcommands.find((o) => o.name === 'announcements');
    const channel = announcements && 'options' in announcements ? announcements.options?.[0] : undefined;
    expect(channel).toMatchObject({ name: 'channel', type: T.Channel, required: true });
  });

  test('the whole list passes as one bulk overwrite', () => {
    expect(formatProblems(validateCommandList(commands.map((c) => c.definition)))).toEqual([]);
  });

  test('each definition stays well inside the documented limits (independent check)', () => {
    for (const { definition } of commands) {
      expect(definition.name).toMatch(/^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u);
      expect(definition.name).toBe(definition.name.toLowerCase());
      expect(chars(definition.description)).toBeGreaterThanOrEqual(1);
      expect(chars(definition.description)).toBeLessThanOrEqual(100);
      const options = definition.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      let total = chars(definition.name) + chars(definition.description);
      for (const option of options) {
        expect(option.name).toMatch(/^[-_'\p{Ll}\p{N}]{1,32}$/u);
        expect(chars(option.description)).toBeGreaterThanOrEqual(1);
        expect(chars(option.description)).toBeLessThanOrEqual(100);
        total += chars(option.name) + chars(option.description);
        for (const choice of ('choices' in option && option.choices) || []) {
          total += chars(choice.name) + chars(String(choice.value));
          expect(chars(choice.name)).toBeLessThanOrEqual(100);
        }
      }
      expect(total).toBeLessThanOrEqual(8000);
    }
  });

  test('round options accept 1 and up only; the car number is a whole number', () => {
    for (const name of ['results', 'recap']) {
      const round = commands
        .find((c) => c.definition.name === name)
        ?.definition.options?.find((o) => o.name === 'round');
      expect(round).toMatchObject({ type: T.Integer, min_value: 1 });
    }
    const car = commands
      .find((c) => c.definition.name === 'lineup')
      ?.definition.options?.find((o) => o.name === 'car');
    expect(car).toMatchObject({ type: T.Integer });
    expect(car && 'min_value' in car ? (car.min_value ?? 0) : 0).toBeGreaterThanOrEqual(0);
  });

  test('standings class choices show readable names', () => {
    const option = commands.find((c) => c.definition.name === 'standings')?.definition.options?.[0];
    expect(option && 'choices' in option ? option.choices : []).toEqual([
      { name: 'Pro Cup', value: 'pro' },
      { name: 'Pro-Am Cup', value: 'pro-am' },
      { name: 'Gentlemen Trophy', value: 'gentlemen' },
    ]);
  });
});
