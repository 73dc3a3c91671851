import {
  type APIApplicationCommandIntegerOption,
  type APIApplicationCommandOptionChoice,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import { t } from '../i18n/catalogue.js';
import { optionName } from '../i18n/option-name.js';
import { safe } from '../replies/safe-text.js';
import type { Round, SeasonModel } from '../season/model.js';
import { normaliseName } from '../season/search.js';
import { type CommandContext, type FocusedOption, type OptionValues, UserError } from './command.js';
import { completeSeason, readInteger, readString } from './options.js';

export const roundOption = {
  type: ApplicationCommandOptionType.Integer,
  name: 'round',
  description: 'Round number (type a circuit name to search)',
  required: true,
  min_value: 1,
  autocomplete: true,
} as const satisfies APIApplicationCommandIntegerOption;

/** The round a command asks about; out of range is a user error listing the rounds. */
export function resolveRound(model: SeasonModel, options: OptionValues): Round {
  const number = readInteger(options, 'round');
  if (number === null)
    throw new UserError(
      (locale) => t(locale, 'replies.errors.whichRound', { option: optionName(locale, 'round') }),
      roundNames(model),
    );
  const round = model.rounds[number - 1];
  if (!round || number < 1)
    throw new UserError(
      (locale) =>
        t(locale, 'replies.standings.noRound', {
          round: number,
          season: safe(model.name),
          count: model.rounds.length,
        }),
      roundNames(model),
    );
  return round;
}

function roundNames(model: SeasonModel): string[] {
  return model.rounds.map((r) => `${r.round} (${r.short_name})`);
}

interface RoundEntry {
  number: string;
  /** Circuit, place, event and country, normalised once. */
  haystack: string;
  choice: APIApplicationCommandOptionChoice;
}

// A model never changes once built: what each keystroke searches is folded once per model, not per call.
const roundEntries = new WeakMap<SeasonModel, readonly RoundEntry[]>();

function roundEntriesOf(model: SeasonModel): readonly RoundEntry[] {
  let entries = roundEntries.get(model);
  if (!entries) {
    entries = model.rounds.map((r) => ({
      number: String(r.round),
      haystack: normaliseName(
        `${r.short_name} ${r.circuit} ${r.location ?? ''} ${r.event ?? ''} ${r.country.name}`,
      ),
      choice: { name: `${r.round} · ${r.short_name} · ${r.date}`.slice(0, 100), value: r.round },
    }));
    roundEntries.set(model, entries);
  }
  return entries;
}

/** Autocomplete: round numbers whose number, circuit, place or event matches what was typed. */
export function completeRound(model: SeasonModel, typed: string): APIApplicationCommandOptionChoice[] {
  const needle = normaliseName(typed);
  const choices: APIApplicationCommandOptionChoice[] = [];
  for (const entry of roundEntriesOf(model)) {
    if (choices.length === 25) break;
    if (!needle || entry.number === needle || entry.haystack.includes(needle))
      choices.push({ ...entry.choice });
  }
  return choices;
}

/** Autocomplete of a command whose options are `round` and `season` (/results, /recap). */
export function completeRoundCommand(
  focused: FocusedOption,
  options: OptionValues,
  context: CommandContext,
): APIApplicationCommandOptionChoice[] {
  if (focused.name === 'season') return completeSeason(context, focused.value);
  const model = context.seasons.get(readString(options, 'season'));
  return model && focused.name === 'round' ? completeRound(model, focused.value) : [];
}
