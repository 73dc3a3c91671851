/**
 * Every command in every language, as a Discord client in that language shows it: the localised names and
 * descriptions obey Discord's rules (the local Discord's validators run on each command as seen in each
 * locale), and each command with all its localisations stays within 8,000 characters.
 */
import { formatProblems, validateCommandDefinition } from '@pitboard/local-discord/validation';
import type {
  APIApplicationCommandOption,
  LocalizationMap,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { TRANSLATED_LOCALES } from '../../src/i18n/locale.js';
import { chars } from './discord-limits.js';

type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody;
type Translated = (typeof TRANSLATED_LOCALES)[number];

interface Localised {
  name: string;
  description?: string;
  name_localizations?: LocalizationMap | null;
  description_localizations?: LocalizationMap | null;
}

function inLocale<T extends Localised>(part: T, locale: Translated): T {
  const out = { ...part, name: part.name_localizations?.[locale] ?? part.name };
  if (part.description !== undefined)
    out.description = part.description_localizations?.[locale] ?? part.description;
  delete out.name_localizations;
  delete out.description_localizations;
  return out;
}

function optionInLocale(
  option: APIApplicationCommandOption,
  locale: Translated,
): APIApplicationCommandOption {
  const out: Record<string, unknown> = { ...inLocale(option, locale) };
  if ('choices' in option && option.choices) out.choices = option.choices.map((c) => inLocale(c, locale));
  if ('options' in option && option.options)
    out.options = option.options.map((o) => optionInLocale(o, locale));
  return out as unknown as APIApplicationCommandOption;
}

/** The command as a client in `locale` sees it: every part under its localised name and description. */
function definitionInLocale(definition: Definition, locale: Translated): Definition {
  return {
    ...inLocale(definition, locale),
    options: definition.options?.map((o) => optionInLocale(o, locale)),
  };
}

function localisedParts(definition: Definition): Localised[] {
  const parts: Localised[] = [definition];
  const visit = (options: readonly APIApplicationCommandOption[]) => {
    for (const option of options) {
      parts.push(option);
      if ('choices' in option && option.choices) parts.push(...option.choices);
      if ('options' in option && option.options) visit(option.options);
    }
  };
  visit(definition.options ?? []);
  return parts;
}

/** Discord's count: names, descriptions and choice values, with every localisation of each. */
function totalCharacters(definition: Definition): number {
  let total = 0;
  for (const part of localisedParts(definition)) {
    total += chars(part.name) + chars(part.description ?? '');
    if ('value' in part) total += chars(String(part.value));
    for (const text of Object.values(part.name_localizations ?? {})) total += chars(text ?? '');
    for (const text of Object.values(part.description_localizations ?? {})) total += chars(text ?? '');
  }
  return total;
}

const matrix = commands.flatMap((c) =>
  TRANSLATED_LOCALES.map((locale) => [c.definition.name, locale, c] as const),
);

describe('commands in every language', () => {
  test.each(matrix)('/%s in %s passes Discord validation, names lowercase', (_name, locale, command) => {
    const seen = definitionInLocale(command.definition, locale);
    expect(formatProblems(validateCommandDefinition(seen))).toEqual([]);
    for (const part of localisedParts(seen)) {
      if ('value' in part) continue; // choice names are display text, not typed
      expect(part.name).toMatch(/^[-_'\p{Ll}\p{Lo}\p{N}]{1,32}$/u);
    }
  });

  test.each(matrix)('/%s in %s is translated, not left in English', (_name, locale, command) => {
    const untranslated = localisedParts(command.definition)
      .filter((part) => !('value' in part))
      .filter((part) => !part.name_localizations?.[locale] || !part.description_localizations?.[locale])
      .map((part) => part.name);
    expect(untranslated).toEqual([]);
  });

  test.each(commands.map((c) => [c.definition.name, c] as const))(
    '/%s with all its localisations stays within 8,000 characters',
    (_name, command) => {
      expect(totalCharacters(command.definition)).toBeLessThanOrEqual(8000);
    },
  );

  test('command names are unique in every language (a bulk overwrite refuses duplicates)', () => {
    for (const locale of TRANSLATED_LOCALES) {
      const names = commands.map((c) => definitionInLocale(c.definition, locale).name);
      expect(new Set(names).size, locale).toBe(names.length);
    }
  });

  test('class choices keep the series’ published names in every language', () => {
    const standings = commands.find((c) => c.definition.name === 'standings')?.definition;
    const classOption = standings?.options?.find((o) => o.name === 'class');
    for (const choice of classOption && 'choices' in classOption ? (classOption.choices ?? []) : [])
      expect(choice.name_localizations ?? null).toBeNull();
  });
});
