import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOptionChoice,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import { quoteInput } from '../replies/text.js';
import type { SeasonModel } from '../season/model.js';
import { normaliseName } from '../season/search.js';
import { type CommandContext, type OptionValues, UserError } from './command.js';

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
    throw new UserError(`${name} must be a whole number, not ${quoteInput(String(value))}.`);
  return n;
}

export function readBoolean(options: OptionValues, name: string): boolean {
  const value = options[name];
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null) return false;
  const text = String(value).trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(text)) return true;
  if (['false', 'no', '0', 'off', ''].includes(text)) return false;
  throw new UserError(`${name} must be true or false, not ${quoteInput(String(value))}.`);
}

/** The season a command asks about: the `season` option, else the default. Unknown ids are a user error. */
export function resolveSeason(context: CommandContext, options: OptionValues): SeasonModel {
  const wanted = readString(options, 'season');
  const model = context.seasons.get(wanted);
  if (model) return model;
  const all = context.seasons.list();
  const needle = normaliseName(wanted ?? '');
  const close = all.filter((m) => normaliseName(m.name).includes(needle) || m.id.includes(needle));
  throw new UserError(
    `There is no season ${quoteInput(wanted ?? '')}.`,
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
