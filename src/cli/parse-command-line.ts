import { type APIApplicationCommandOption, ApplicationCommandOptionType } from 'discord-api-types/v10';
import { type Command, type FocusedOption, type OptionValue, UserError } from '../core/command.js';
import { t } from '../i18n/catalogue.js';
import { safe } from '../replies/safe-text.js';
import { quoteInput } from '../replies/text.js';

export interface ParsedLine {
  command: Command;
  options: Record<string, OptionValue>;
  /** The option written last: what autocomplete completes. */
  focused: FocusedOption | null;
}

interface Token {
  key: string | null;
  value: string;
}

// Sticky: matched where the scan stands, without taking the rest of the line for every token.
const KEY = /([\p{L}\p{N}_-]{1,32}):/uy;

/** Split a line into `key:value` and bare tokens; double quotes group spaces, backslash escapes a quote. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (i >= text.length) break;
    let key: string | null = null;
    KEY.lastIndex = i;
    const keyMatch = KEY.exec(text);
    if (keyMatch) {
      key = (keyMatch[1] as string).toLowerCase();
      i += keyMatch[0].length;
    }
    let value = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
      i++;
    } else {
      const start = i;
      while (i < text.length && !/\s/.test(text[i] as string)) i++;
      value = text.slice(start, i);
    }
    tokens.push({ key, value });
  }
  return tokens;
}

function accepts(option: APIApplicationCommandOption, value: string): boolean {
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
      return /^-?\d+$/.test(value);
    case ApplicationCommandOptionType.Number:
      return Number.isFinite(Number(value));
    case ApplicationCommandOptionType.Boolean:
      return /^(true|false|yes|no)$/i.test(value);
    default:
      return true;
  }
}

function coerce(option: APIApplicationCommandOption, value: string): OptionValue {
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      return accepts(option, value) ? Number(value) : value;
    case ApplicationCommandOptionType.Boolean:
      return accepts(option, value) ? /^(true|yes)$/i.test(value) : value;
    case ApplicationCommandOptionType.Channel:
    case ApplicationCommandOptionType.Role:
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Mentionable:
      return value.replace(/^<[#@&!]*|>$/g, '').replace(/^#/, '');
    default:
      return value;
  }
}

/**
 * Parse what a user types — `/driver name:Buhk`, `/lineup team:"HTP Motorsport"`, or the loose
 * `/standings pro` — into the options the command module reads, exactly as Discord would deliver them.
 * Bare words fill the first unfilled option that accepts them, in declared order; bare words after a
 * `key:value` of a text option continue that value ("name:Max Buhk"). A subcommand is the first bare word.
 */
/**
 * Turns a word into a value for an option that autocompletes (e.g. "spa" → round 4), the way a Discord user
 * picks from the list; undefined when the word does not pick exactly one choice.
 */
export type WordResolver = (
  command: Command,
  option: APIApplicationCommandOption,
  word: string,
  options: Record<string, OptionValue>,
) => OptionValue | undefined;

export function parseCommandLine(
  line: string,
  commands: readonly Command[],
  resolveWord?: WordResolver,
): ParsedLine {
  const trimmed = line.trim();
  const match = /^\/?([\p{L}\p{N}_'-]+)(.*)$/su.exec(trimmed);
  if (!match)
    throw new UserError((locale) =>
      t(locale, 'replies.cli.noCommand', { commands: safe(commandList(commands)) }),
    );
  const name = (match[1] as string).toLowerCase();
  const command = commands.find((c) => c.definition.name === name);
  if (!command)
    throw new UserError(
      (locale) => t(locale, 'replies.cli.unknownCommand', { name: quoteInput(name, 40) }),
      commands.map((c) => `/${c.definition.name}`),
    );
  const tokens = tokenize(match[2] ?? '');
  const options: Record<string, OptionValue> = {};
  let declared = command.definition.options ?? [];
  const subcommands = declared.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (subcommands.length > 0) {
    const first = tokens.findIndex((t) => t.key === null || t.key === 'subcommand');
    const chosen =
      first >= 0 ? subcommands.find((s) => s.name === tokens[first]?.value.toLowerCase()) : undefined;
    if (!chosen)
      throw new UserError(
        (locale) =>
          t(locale, 'replies.cli.needsSubcommand', {
            command: safe(name),
            subcommands: safe(subcommands.map((s) => s.name).join(', ')),
          }),
        subcommands.map((s) => `/${name} ${s.name}`),
      );
    tokens.splice(first, 1);
    options.subcommand = chosen.name;
    declared = 'options' in chosen ? (chosen.options ?? []) : [];
  }
  let focused: FocusedOption | null = null;
  let continuing: APIApplicationCommandOption | null = null;
  for (const token of tokens) {
    if (token.key !== null) {
      const option = declared.find((o) => o.name === token.key);
      if (!option)
        throw new UserError(
          (locale) =>
            t(locale, 'replies.cli.unknownOption', {
              command: safe(name),
              option: quoteInput(token.key ?? '', 40),
            }),
          declared.map((o) => `${o.name}:`),
        );
      // "round:spa": a number option that autocompletes takes a name the way Discord's list would.
      const picked = accepts(option, token.value)
        ? undefined
        : pickByAutocomplete([option], options, token.value);
      options[option.name] = picked ? picked.value : coerce(option, token.value);
      focused = { name: option.name, value: token.value };
      continuing = isFreeText(option) ? option : null;
      continue;
    }
    if (continuing && focused && focused.name === continuing.name) {
      focused = { name: continuing.name, value: `${focused.value} ${token.value}` };
      options[continuing.name] = focused.value;
      continue;
    }
    // `season` is never filled by a loose word: "/results spa" must not read as a season called "spa".
    const option = declared.find(
      (o) => o.name !== 'season' && !(o.name in options) && accepts(o, token.value),
    );
    const picked = option ? undefined : pickByAutocomplete(declared, options, token.value);
    if (picked) {
      options[picked.option.name] = picked.value;
      focused = { name: picked.option.name, value: token.value };
      continuing = null;
      continue;
    }
    if (!option)
      throw new UserError(
        (locale) =>
          t(locale, 'replies.cli.looseWord', { command: safe(name), word: quoteInput(token.value, 40) }),
        declared.map((o) => `${o.name}:`),
      );
    options[option.name] = coerce(option, token.value);
    focused = { name: option.name, value: token.value };
    continuing = isFreeText(option) ? option : null;
  }
  return { command, options, focused };

  function pickByAutocomplete(
    candidates: readonly APIApplicationCommandOption[],
    filled: Record<string, OptionValue>,
    word: string,
  ): { option: APIApplicationCommandOption; value: OptionValue } | undefined {
    if (!resolveWord) return undefined;
    for (const candidate of candidates) {
      const numeric =
        candidate.type === ApplicationCommandOptionType.Integer ||
        candidate.type === ApplicationCommandOptionType.Number;
      if (!numeric || !('autocomplete' in candidate) || !candidate.autocomplete || candidate.name in filled)
        continue;
      const value = resolveWord(command as Command, candidate, word, filled);
      if (value !== undefined) return { option: candidate, value };
    }
    return undefined;
  }
}

/** Free text continues over spaces; options with fixed choices take one word. */
function isFreeText(option: APIApplicationCommandOption): boolean {
  return (
    option.type === ApplicationCommandOptionType.String && !('choices' in option && option.choices?.length)
  );
}

function commandList(commands: readonly Command[]): string {
  return commands.map((c) => `/${c.definition.name}`).join(', ');
}
