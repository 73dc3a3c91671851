import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { t } from '../i18n/catalogue.js';
import { optionName } from '../i18n/option-name.js';
import { quoteInput } from '../replies/text.js';
import type { SeasonModel } from '../season/model.js';
import { normaliseName } from '../season/search.js';
import {
  type Command,
  type CommandContext,
  type FocusedOption,
  type OptionValues,
  UserError,
} from './command.js';

/** The `season` option every query command shares: autocomplete over the loaded seasons. */
export const seasonOption = {
  type: ApplicationCommandOptionType.String,
  name: 'season',
  description: 'Season (default: the current one)',
  required: false,
  autocomplete: true,
  max_length: 100,
} as const satisfies APIApplicationCommandBasicOption;

export const hideOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'hide',
  description: 'Only you see the answer',
  required: false,
} as const satisfies APIApplicationCommandBasicOption;

export function readString(options: OptionValues, name: string): string | null {
  const value = options[name];
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

export function readInteger(options: OptionValues, name: string): number | null {
  const value = options[name];
  if (value === undefined || value === null || value === '') return null;
  const text = String(value).trim();
  if (text === '') return null;
  const n = typeof value === 'number' ? value : /^[-+]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n))
    throw new UserError((locale) =>
      t(locale, 'replies.errors.notWhole', {
        option: optionName(locale, name),
        value: quoteInput(String(value)),
      }),
    );
  return n;
}

export function readBoolean(options: OptionValues, name: string): boolean {
  const value = options[name];
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null) return false;
  const text = String(value).trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(text)) return true;
  if (['false', 'no', '0', 'off', ''].includes(text)) return false;
  throw new UserError((locale) =>
    t(locale, 'replies.errors.notBoolean', {
      option: optionName(locale, name),
      value: quoteInput(String(value)),
    }),
  );
}

/** The season a command asks about: the `season` option, else the default. Unknown ids are a user error. */
export function resolveSeason(context: CommandContext, options: OptionValues): SeasonModel {
  const wanted = readString(options, 'season');
  const model = context.seasons.get(wanted);
  if (model) return model;
  const all = context.seasons.list();
  const needle = normaliseName(wanted ?? '');
  const close = all.filter((m) => normaliseName(m.name).includes(needle) || m.id.includes(needle));
  const typed = quoteInput(wanted ?? '');
  throw new UserError(
    (locale) => t(locale, 'replies.errors.noSeason', { typed }),
    (close.length > 0 ? close : all).slice(0, 5).map((m) => m.id),
  );
}

/** Autocomplete for the season option: loaded seasons whose name or id contains what was typed. */
export function completeSeason(context: CommandContext, typed: string): APIApplicationCommandOptionChoice[] {
  const needle = normaliseName(typed);
  return context.seasons
    .list()
    .filter((m) => !needle || normaliseName(`${m.name} ${m.id}`).includes(needle))
    .slice(0, 25)
    .map((m) => ({ name: m.name.slice(0, 100), value: m.id }));
}

/**
 * The longest value accepted for an option that declares no max_length (numbers, booleans, channel and
 * role ids, choices). Discord bounds command options by max_length but not what autocomplete sends, and the
 * CLI and the sandbox send anything: every adapter goes through {@link checkOptionLengths}.
 */
export const DEFAULT_OPTION_MAX_LENGTH = 100;

const limitsByDefinition = new WeakMap<object, Map<string, number>>();

/** Each option's longest accepted value, subcommands' options included (the larger where names repeat). */
export function optionLengthLimits(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
): ReadonlyMap<string, number> {
  const known = limitsByDefinition.get(definition);
  if (known) return known;
  const limits = new Map<string, number>();
  const walk = (options: readonly APIApplicationCommandOption[]) => {
    for (const option of options) {
      if ('options' in option && option.options) walk(option.options);
      if (
        option.type === ApplicationCommandOptionType.Subcommand ||
        option.type === ApplicationCommandOptionType.SubcommandGroup
      )
        continue;
      const declared = 'max_length' in option ? option.max_length : undefined;
      const max = declared ?? DEFAULT_OPTION_MAX_LENGTH;
      limits.set(option.name, Math.max(max, limits.get(option.name) ?? 0));
    }
  };
  walk(definition.options ?? []);
  limitsByDefinition.set(definition, limits);
  return limits;
}

export interface OverlongOption {
  name: string;
  length: number;
  max: number;
}

/**
 * The first option (or the option being typed) longer than its limit, or null. Runs before any handler
 * work, so the cost of an answer never grows with the size of what was sent.
 */
export function checkOptionLengths(
  command: Pick<Command, 'definition'>,
  options: OptionValues,
  focused?: FocusedOption,
): OverlongOption | null {
  const limits = optionLengthLimits(command.definition);
  const entries: [string, unknown][] = Object.entries(options);
  if (focused) entries.push([focused.name, focused.value]);
  for (const [name, value] of entries) {
    if (value === undefined || value === null || name === 'subcommand' || name === 'subcommandGroup')
      continue;
    const text = typeof value === 'string' ? value : String(value);
    const max = limits.get(name) ?? DEFAULT_OPTION_MAX_LENGTH;
    // UTF-16 units are never fewer than characters: only text over the limit in units is counted.
    if (text.length > max) {
      const length = countCharacters(text);
      if (length > max) return { name, length, max };
    }
  }
  return null;
}

/** Characters as Discord counts them (code points: an emoji is one), in one pass. */
function countCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

export function overlongOptionError({ name, length, max }: OverlongOption): UserError {
  return new UserError((locale) =>
    t(locale, 'replies.errors.tooLong', { option: optionName(locale, name), length, max }),
  );
}
