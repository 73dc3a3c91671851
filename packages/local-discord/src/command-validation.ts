/** Application command definitions as `POST`/`PUT /applications/:app/(guilds/:guild/)commands` judge them. */
import { ApplicationCommandCreateRequestSchema } from 'discord-api-spec/zod';
import {
  boundedLength,
  COMMAND_NAME_PATTERN,
  charCount,
  dedupe,
  isObject,
  type Json,
  LIMITS,
  maxItems,
  maxLength,
  notAnObject,
  type ProblemPath,
  specProblems,
  str,
  type ValidationProblem,
} from './problems.js';

function commandSpecProblems(command: Json): ValidationProblem[] {
  // discord.js (and Discord's docs) send default_member_permissions as a decimal string; the spec says number.
  const perms = command.default_member_permissions;
  const copy =
    typeof perms === 'string' && /^\d+$/.test(perms)
      ? { ...command, default_member_permissions: 0 }
      : command;
  return specProblems(ApplicationCommandCreateRequestSchema, copy);
}

function checkName(path: ProblemPath, name: unknown, chatInput: boolean, out: ValidationProblem[]): string {
  if (typeof name !== 'string') {
    out.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    return '';
  }
  if (chatInput) {
    if (!COMMAND_NAME_PATTERN.test(name) || name !== name.toLowerCase()) {
      out.push({ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
    }
  } else {
    boundedLength(path, name, 1, LIMITS.commandName, out);
  }
  return name;
}

const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

function checkOptions(options: unknown, base: ProblemPath, out: ValidationProblem[], depth: number): number {
  if (options === undefined || options === null) return 0;
  if (!Array.isArray(options)) {
    out.push({ path: base, code: 'BASE_TYPE_CONVERT', message: 'Value must be of type array.' });
    return 0;
  }
  maxItems(base, options, LIMITS.commandOptions, out);
  let chars = 0;
  let seenOptional = false;
  const names = new Set<string>();
  let subcommands = 0;
  options.forEach((option, i) => {
    const path = [...base, i];
    if (!isObject(option)) return;
    const name = checkName([...path, 'name'], option.name, true, out);
    if (names.has(name)) {
      out.push({
        path: [...path, 'name'],
        code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
        message: 'Option name already exists',
      });
    }
    names.add(name);
    boundedLength([...path, 'description'], option.description, 1, LIMITS.commandDescription, out);
    chars += charCount(name) + charCount(str(option.description) ?? '');
    const type = option.type;
    const nested = type === SUBCOMMAND || type === SUBCOMMAND_GROUP;
    if (nested) {
      subcommands++;
      if (depth >= 2 || (depth === 1 && type === SUBCOMMAND_GROUP)) {
        out.push({
          path: [...path, 'type'],
          code: 'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          message: 'Invalid nesting',
        });
      }
      chars += checkOptions(option.options, [...path, 'options'], out, depth + 1);
    } else {
      if (option.required === true && seenOptional) {
        out.push({
          path: [...path, 'required'],
          code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          message: 'Required options must be placed before non-required options',
        });
      }
      if (option.required !== true) seenOptional = true;
    }
    if (Array.isArray(option.choices)) {
      if (option.autocomplete === true && option.choices.length > 0) {
        out.push({
          path: [...path, 'autocomplete'],
          code: 'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_AND_CHOICES',
          message: 'Autocomplete cannot be enabled on options that have choices.',
        });
      }
      maxItems([...path, 'choices'], option.choices, LIMITS.commandChoices, out);
      option.choices.forEach((choice, j) => {
        if (!isObject(choice)) return;
        boundedLength([...path, 'choices', j, 'name'], choice.name, 1, LIMITS.choiceName, out);
        if (typeof choice.value === 'string') {
          maxLength([...path, 'choices', j, 'value'], choice.value, LIMITS.choiceStringValue, out);
        }
        chars += charCount(str(choice.name) ?? '') + charCount(String(choice.value ?? ''));
      });
    }
  });
  if (subcommands > 0 && subcommands < options.length) {
    out.push({
      path: base,
      code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
      message: 'Sub-command and sub-command group option types are mutually exclusive to all other types',
    });
  }
  return chars;
}

/** Characters counted toward the 8000 per-command limit: names, descriptions and choice names/values. */
export function commandLength(command: unknown): number {
  if (!isObject(command)) return 0;
  const scratch: ValidationProblem[] = [];
  return (
    charCount(str(command.name) ?? '') +
    charCount(str(command.description) ?? '') +
    checkOptions(command.options, [], scratch, 0)
  );
}

/** One command definition as sent to `POST`/`PUT /applications/:app/(guilds/:guild/)commands`. */
export function validateCommandDefinition(command: unknown): ValidationProblem[] {
  if (!isObject(command)) return notAnObject();
  const out = commandSpecProblems(command);
  const type = command.type ?? 1;
  const chatInput = type === 1;
  const name = checkName(['name'], command.name, chatInput, out);
  if (chatInput) {
    boundedLength(['description'], command.description, 1, LIMITS.commandDescription, out);
  } else if (typeof command.description === 'string' && command.description !== '') {
    out.push({
      path: ['description'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 0 or fewer in length.',
    });
  }
  const optionChars = checkOptions(command.options, ['options'], out, 0);
  const total = charCount(name) + charCount(str(command.description) ?? '') + optionChars;
  if (total > LIMITS.commandTotal) {
    out.push({
      path: [],
      code: 'APPLICATION_COMMAND_TOO_LARGE',
      message: `Command exceeds maximum size (${LIMITS.commandTotal})`,
    });
  }
  return dedupe(out);
}

/** A bulk overwrite body (`PUT .../commands`): an array of definitions with unique (type, name). */
export function validateCommandList(commands: unknown): ValidationProblem[] {
  if (!Array.isArray(commands)) {
    return [{ path: [], code: 'BASE_TYPE_CONVERT', message: 'Value must be of type array.' }];
  }
  const out: ValidationProblem[] = [];
  maxItems([], commands, 100, out);
  const seen = new Set<string>();
  commands.forEach((command, i) => {
    for (const p of validateCommandDefinition(command)) out.push({ ...p, path: [i, ...p.path] });
    if (isObject(command)) {
      const key = `${String(command.type ?? 1)}:${String(command.name)}`;
      if (seen.has(key)) {
        out.push({
          path: [i, 'name'],
          code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
          message: `Application command names must be unique`,
        });
      }
      seen.add(key);
    }
  });
  return out;
}
