import type {
  APIApplicationCommandOption,
  APIApplicationCommandOptionChoice,
  LocalizationMap,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { lookupMessage } from './catalogue.js';
import { DEFAULT_LOCALE, TRANSLATED_LOCALES } from './locale.js';

type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** What a command, option or choice may be called and described, as keys tried in order (first found wins). */
export interface CatalogueKeys {
  name: string[];
  description: string[];
}

/**
 * Where a definition part finds its text: under its own path in `commands.…`, else (for options) under the
 * shared `options.<name>` entry, so `season` or `hide` is translated once for every command.
 */
function keysFor(path: string, sharedPath: string | null): CatalogueKeys {
  return {
    name: [`${path}.name`, ...(sharedPath ? [`${sharedPath}.name`] : [])],
    description: [`${path}.description`, ...(sharedPath ? [`${sharedPath}.description`] : [])],
  };
}

function choiceKeys(path: string, sharedPath: string, value: string | number): string[] {
  return [`${path}.choices.${value}`, `${sharedPath}.choices.${value}`];
}

/** The key of `keys` the English catalogue has: the one every language must translate. */
export function englishKey(keys: readonly string[]): string | undefined {
  return keys.find((key) => lookupMessage(DEFAULT_LOCALE, key) !== undefined);
}

function localizations(keys: readonly string[]): LocalizationMap | undefined {
  const key = englishKey(keys);
  if (!key) return undefined;
  const map: LocalizationMap = {};
  for (const locale of TRANSLATED_LOCALES) {
    const text = lookupMessage(locale, key);
    if (text !== undefined) map[locale] = text;
  }
  return Object.keys(map).length > 0 ? map : undefined;
}

function localizeChoice<C extends APIApplicationCommandOptionChoice>(choice: C, keys: string[]): C {
  const names = localizations(keys);
  return names ? { ...choice, name_localizations: names } : choice;
}

function localizeOption(
  option: APIApplicationCommandOption,
  parentPath: string,
): APIApplicationCommandOption {
  const path = `${parentPath}.options.${option.name}`;
  const shared = `options.${option.name}`;
  const keys = keysFor(path, shared);
  const out: Record<string, unknown> = { ...option };
  const names = localizations(keys.name);
  const descriptions = localizations(keys.description);
  if (names) out.name_localizations = names;
  if (descriptions) out.description_localizations = descriptions;
  if ('choices' in option && option.choices)
    out.choices = option.choices.map((choice) =>
      localizeChoice(choice, choiceKeys(path, shared, choice.value)),
    );
  if ('options' in option && option.options)
    out.options = option.options.map((sub) => localizeOption(sub, path));
  return out as unknown as APIApplicationCommandOption;
}

/**
 * The definition with Discord's name/description localisations from the catalogue, for command, options,
 * subcommands and choices. English stays the default text; a language lacking a key is left out (Discord
 * shows English), and the catalogue test makes sure none does.
 */
export function localizeDefinition(definition: Definition): Definition {
  const path = `commands.${definition.name}`;
  const keys = keysFor(path, null);
  const out: Definition = { ...definition };
  const names = localizations(keys.name);
  const descriptions = localizations(keys.description);
  if (names) out.name_localizations = names;
  if (descriptions) out.description_localizations = descriptions;
  if (definition.options) out.options = definition.options.map((option) => localizeOption(option, path));
  return out;
}

/** Every English text a definition takes from the catalogue: its key and the text the definition has. */
export function catalogueEntriesOf(definition: Definition): { keys: string[]; text: string }[] {
  const entries: { keys: string[]; text: string }[] = [];
  const path = `commands.${definition.name}`;
  const top = keysFor(path, null);
  entries.push(
    { keys: top.name, text: definition.name },
    { keys: top.description, text: definition.description },
  );
  const visit = (options: readonly APIApplicationCommandOption[], parent: string) => {
    for (const option of options) {
      const optionPath = `${parent}.options.${option.name}`;
      const shared = `options.${option.name}`;
      const keys = keysFor(optionPath, shared);
      entries.push(
        { keys: keys.name, text: option.name },
        { keys: keys.description, text: option.description },
      );
      if ('choices' in option && option.choices)
        for (const choice of option.choices) {
          const choiceKey = choiceKeys(optionPath, shared, choice.value);
          if (englishKey(choiceKey)) entries.push({ keys: choiceKey, text: choice.name });
        }
      if ('options' in option && option.options) visit(option.options, optionPath);
    }
  };
  visit(definition.options ?? [], path);
  return entries;
}
