/**
 * Body validation as Discord does it: the official OpenAPI schemas (`discord-api-spec/zod`) plus the
 * documented limits the spec lacks or states differently (content 2000, embed total 6000, choice value
 * 100, command name pattern, 8000 characters per command). Lengths count Unicode code points, as Discord
 * does. Every validator returns a list of problems (empty = valid) and never throws, so unit tests can
 * check reply bodies offline with the same code the local Discord uses to answer 400 / 50035.
 */
import {
  ApplicationCommandAutocompleteCallbackRequestSchema,
  ApplicationCommandCreateRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateRequestPartialSchema,
  MessageCreateRequestSchema,
  MessageEditRequestPartialSchema,
  ModalInteractionCallbackRequestSchema,
  UpdateMessageInteractionCallbackRequestSchema,
} from 'discord-api-spec/zod';
import type { ZodMiniType } from 'zod/mini';

export type ProblemPath = (string | number)[];

import { checkComponents } from './component-validation.js';

export interface ValidationProblem {
  /** Where in the body, e.g. `['data', 'embeds', 0, 'title']`. */
  path: ProblemPath;
  /** Discord's field error code, e.g. `BASE_TYPE_MAX_LENGTH`. */
  code: string;
  message: string;
  /** Set when Discord answers with its own JSON error code instead of 50035 (e.g. 50006 empty message). */
  discordCode?: number;
}

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceStringValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  commandChoices: 25,
  commandTotal: 8000,
  nonce: 25,
} as const;

export const COMMAND_NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Discord counts characters (code points), not UTF-16 units. */
export function charCount(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Spec (zod) issues → Discord-style problems

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
  expected?: string;
  values?: unknown[];
  format?: string;
  errors?: ZodIssueLike[][];
  input?: unknown;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function toPath(path: PropertyKey[]): ProblemPath {
  return path.map((k) => (typeof k === 'number' ? k : String(k)));
}

function issueToProblem(issue: ZodIssueLike, path: ProblemPath, input: unknown): ValidationProblem | null {
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') {
        const value = valueAt(input, path);
        // The spec's zod checks count UTF-16 units; Discord counts characters.
        if (typeof value === 'string' && charCount(value) <= max) return null;
        return { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` };
      }
      if (issue.origin === 'array') {
        return { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` };
      }
      return { path, code: 'NUMBER_TYPE_MAX', message: `int value should be less than or equal to ${max}.` };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' || issue.origin === 'array') {
        return { path, code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${min} or more in length.` };
      }
      return {
        path,
        code: 'NUMBER_TYPE_MIN',
        message: `int value should be greater than or equal to ${min}.`,
      };
    }
    case 'invalid_type':
      if (valueAt(input, path) === undefined) {
        return { path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' };
      }
      return {
        path,
        code: 'BASE_TYPE_CONVERT',
        message: `Value must be of type ${issue.expected ?? 'unknown'}.`,
      };
    case 'invalid_value':
      return {
        path,
        code: 'BASE_TYPE_CHOICES',
        message: `Value must be one of (${(issue.values ?? []).map(String).join(', ')}).`,
      };
    case 'invalid_format':
      if (issue.format === 'url')
        return { path, code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' };
      if (issue.format === 'datetime')
        return { path, code: 'DATE_TIME_TYPE_PARSE', message: 'Could not parse the date/time.' };
      return { path, code: 'BASE_TYPE_INVALID', message: `Invalid ${issue.format ?? 'format'}.` };
    default:
      return { path, code: 'BASE_TYPE_INVALID', message: `Invalid value (${issue.code}).` };
  }
}

function flattenIssues(issues: ZodIssueLike[], base: ProblemPath, input: unknown): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  for (const issue of issues) {
    const path = [...base, ...toPath(issue.path)];
    if (issue.code === 'invalid_union' && issue.errors) {
      // Report the branch the body most plausibly meant: the one that failed least, ignoring branches
      // rejected on the whole value's type or on a `type` discriminator.
      let best: ValidationProblem[] | null = null;
      let bestScore = Number.POSITIVE_INFINITY;
      for (const branch of issue.errors) {
        const flat = flattenIssues(branch, path, input);
        const wrongKind = branch.some(
          (i) =>
            (i.path.length === 0 && i.code === 'invalid_type') ||
            (i.path[0] === 'type' && i.path.length === 1),
        );
        const score = flat.length + (wrongKind ? 1000 : 0);
        if (score < bestScore) {
          best = flat;
          bestScore = score;
        }
      }
      if (best && best.length > 0) out.push(...best);
      else if (best === null)
        out.push({ path, code: 'UNION_TYPE_CHOICES', message: 'Value is not a valid choice.' });
      continue;
    }
    const problem = issueToProblem(issue, path, input);
    if (problem) out.push(problem);
  }
  return out;
}

function specProblems(schema: ZodMiniType, body: unknown): ValidationProblem[] {
  const result = schema.safeParse(body);
  if (result.success) return [];
  return flattenIssues(result.error.issues as unknown as ZodIssueLike[], [], body);
}

const LENGTH_CODES = new Set(['BASE_TYPE_MIN_LENGTH', 'BASE_TYPE_MAX_LENGTH', 'BASE_TYPE_BAD_LENGTH']);

/** One problem per path and code; of several length problems on one path the last (our own, Discord-worded) wins. */
function dedupe(problems: ValidationProblem[]): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  const index = new Map<string, number>();
  for (const p of problems) {
    const key = `${p.path.join('.')}|${LENGTH_CODES.has(p.code) ? 'LENGTH' : p.code}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, out.length);
      out.push(p);
    } else if (LENGTH_CODES.has(p.code)) {
      out[at] = p;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Message bodies

function maxLength(path: ProblemPath, value: unknown, max: number, out: ValidationProblem[]): void {
  if (typeof value === 'string' && charCount(value) > max) {
    out.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

function boundedLength(
  path: ProblemPath,
  value: unknown,
  min: number,
  max: number,
  out: ValidationProblem[],
) {
  if (typeof value !== 'string') {
    out.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    return;
  }
  const n = charCount(value);
  if (n < min || n > max) {
    out.push({ path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` });
  }
}

/** Characters an embed counts toward the 6000 total: title, description, field names and values, footer, author. */
export function embedLength(embed: unknown): number {
  if (!isObject(embed)) return 0;
  let n = 0;
  const add = (v: unknown) => {
    if (typeof v === 'string') n += charCount(v);
  };
  add(embed.title);
  add(embed.description);
  if (Array.isArray(embed.fields)) {
    for (const f of embed.fields) {
      if (isObject(f)) {
        add(f.name);
        add(f.value);
      }
    }
  }
  if (isObject(embed.footer)) add(embed.footer.text);
  if (isObject(embed.author)) add(embed.author.name);
  return n;
}

function checkEmbed(embed: unknown, path: ProblemPath, out: ValidationProblem[]): void {
  if (!isObject(embed)) return;
  maxLength([...path, 'title'], embed.title, LIMITS.embedTitle, out);
  maxLength([...path, 'description'], embed.description, LIMITS.embedDescription, out);
  if (Array.isArray(embed.fields)) {
    if (embed.fields.length > LIMITS.embedFields) {
      out.push({
        path: [...path, 'fields'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be ${LIMITS.embedFields} or fewer in length.`,
      });
    }
    embed.fields.forEach((field, i) => {
      if (!isObject(field)) return;
      boundedLength([...path, 'fields', i, 'name'], field.name, 1, LIMITS.embedFieldName, out);
      boundedLength([...path, 'fields', i, 'value'], field.value, 1, LIMITS.embedFieldValue, out);
    });
  }
  if (isObject(embed.footer)) {
    boundedLength([...path, 'footer', 'text'], embed.footer.text, 1, LIMITS.embedFooter, out);
  }
  if (isObject(embed.author)) {
    boundedLength([...path, 'author', 'name'], embed.author.name, 1, LIMITS.embedAuthor, out);
  }
}

export interface BodyContext {
  /** Files uploaded alongside the JSON (multipart `files[n]`): they make a message non-empty. */
  files?: number;
}

interface MessageCheckOptions {
  requireNonEmpty: boolean;
  files: number;
}

function checkMessageLimits(
  body: Json,
  base: ProblemPath,
  options: MessageCheckOptions,
): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  maxLength([...base, 'content'], body.content, LIMITS.content, out);
  if (Array.isArray(body.embeds)) {
    if (body.embeds.length > LIMITS.embeds) {
      out.push({
        path: [...base, 'embeds'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be ${LIMITS.embeds} or fewer in length.`,
      });
    }
    let total = 0;
    body.embeds.forEach((embed, i) => {
      checkEmbed(embed, [...base, 'embeds', i], out);
      total += embedLength(embed);
    });
    if (total > LIMITS.embedTotal) {
      out.push({
        path: [...base, 'embeds'],
        code: 'MAX_EMBED_SIZE_EXCEEDED',
        message: `Embed size exceeds maximum size of ${LIMITS.embedTotal}`,
      });
    }
  }
  out.push(...checkComponents(body, base));
  if (options.requireNonEmpty && isEmptyMessage(body, options.files)) {
    out.push({
      path: base,
      code: 'MESSAGE_EMPTY',
      message: 'Cannot send an empty message',
      discordCode: 50006,
    });
  }
  return out;
}

function nonEmptyArray(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/** True when the body would create a message with nothing in it (Discord error 50006). */
export function isEmptyMessage(body: unknown, files = 0): boolean {
  if (!isObject(body)) return files === 0;
  if (files > 0) return false;
  if (typeof body.content === 'string' && body.content.length > 0) return false;
  return !(
    nonEmptyArray(body.embeds) ||
    nonEmptyArray(body.components) ||
    nonEmptyArray(body.sticker_ids) ||
    nonEmptyArray(body.attachments) ||
    isObject(body.poll)
  );
}

function notAnObject(path: ProblemPath = []): ValidationProblem[] {
  return [{ path, code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' }];
}

/** `POST /channels/:id/messages` body. */
export function validateMessageCreate(body: unknown, context: BodyContext = {}): ValidationProblem[] {
  if (!isObject(body)) return notAnObject();
  return dedupe([
    ...specProblems(MessageCreateRequestSchema, body),
    ...checkMessageLimits(body, [], { requireNonEmpty: true, files: context.files ?? 0 }),
  ]);
}

/** `PATCH /channels/:id/messages/:id` body. */
export function validateMessageEdit(body: unknown): ValidationProblem[] {
  if (!isObject(body)) return notAnObject();
  return dedupe([
    ...specProblems(MessageEditRequestPartialSchema, body),
    ...checkMessageLimits(body, [], { requireNonEmpty: false, files: 0 }),
  ]);
}

/** `POST /webhooks/:app/:token` (interaction follow-up) body. */
export function validateWebhookMessage(body: unknown, context: BodyContext = {}): ValidationProblem[] {
  if (!isObject(body)) return notAnObject();
  return dedupe([
    ...specProblems(IncomingWebhookRequestPartialSchema, body),
    ...checkMessageLimits(body, [], { requireNonEmpty: true, files: context.files ?? 0 }),
  ]);
}

/** `PATCH /webhooks/:app/:token/messages/@original` (editReply) body. */
export function validateWebhookEdit(body: unknown): ValidationProblem[] {
  if (!isObject(body)) return notAnObject();
  return dedupe([
    ...specProblems(IncomingWebhookUpdateRequestPartialSchema, body),
    ...checkMessageLimits(body, [], { requireNonEmpty: false, files: 0 }),
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// Interaction callbacks

export interface CallbackContext extends BodyContext {
  /** The interaction's type (2 command, 3 component, 4 autocomplete, 5 modal submit): limits the callback types. */
  interactionType?: number;
  /** Option type of the focused option (3 string, 4 integer, 10 number) for autocomplete choices. */
  focusedOptionType?: number;
}

const CALLBACK_TYPES_FOR: Record<number, number[]> = {
  2: [4, 5, 9],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};

/** Autocomplete callback `{ type: 8, data: { choices } }` (a bare `{ choices }` is accepted too). */
export function validateAutocompleteCallback(
  body: unknown,
  context: CallbackContext = {},
): ValidationProblem[] {
  if (isObject(body) && !('type' in body) && 'choices' in body) body = { type: 8, data: body };
  if (!isObject(body)) return notAnObject();
  const out = specProblems(ApplicationCommandAutocompleteCallbackRequestSchema, body);
  const data = body.data;
  if (isObject(data) && Array.isArray(data.choices)) {
    const choices = data.choices;
    if (choices.length > LIMITS.autocompleteChoices) {
      out.push({
        path: ['data', 'choices'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be ${LIMITS.autocompleteChoices} or fewer in length.`,
      });
    }
    choices.forEach((choice, i) => {
      if (!isObject(choice)) return;
      const path: ProblemPath = ['data', 'choices', i];
      boundedLength([...path, 'name'], choice.name, 1, LIMITS.choiceName, out);
      const value = choice.value;
      const expected = context.focusedOptionType;
      if (typeof value === 'string') {
        maxLength([...path, 'value'], value, LIMITS.choiceStringValue, out);
        if (expected === 4 || expected === 10) {
          out.push({
            path: [...path, 'value'],
            code: 'NUMBER_TYPE_COERCE',
            message: `Value "${value}" is not a number.`,
          });
        }
      } else if (typeof value === 'number') {
        if (expected === 3) {
          out.push({
            path: [...path, 'value'],
            code: 'STRING_TYPE_CONVERT',
            message: 'Value must be a string.',
          });
        } else if (expected === 4 && !Number.isInteger(value)) {
          out.push({
            path: [...path, 'value'],
            code: 'NUMBER_TYPE_COERCE',
            message: `Value "${value}" is not int.`,
          });
        }
      } else {
        out.push({ path: [...path, 'value'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
      }
    });
  }
  return dedupe(out);
}

/** Any body of `POST /interactions/:id/:token/callback` (JSON part when multipart). */
export function validateInteractionCallback(
  body: unknown,
  context: CallbackContext = {},
): ValidationProblem[] {
  if (!isObject(body)) return notAnObject();
  const type = body.type;
  const files = context.files ?? 0;
  const out: ValidationProblem[] = [];
  const allowed =
    context.interactionType === undefined ? undefined : CALLBACK_TYPES_FOR[context.interactionType];
  if (typeof type === 'number' && allowed && !allowed.includes(type)) {
    out.push({
      path: ['type'],
      code: 'INTERACTION_RESPONSE_TYPE_INVALID',
      message: `Interaction response type ${type} is not valid for interaction type ${context.interactionType}.`,
    });
  }
  const data = isObject(body.data) ? body.data : undefined;
  switch (type) {
    case 4:
      out.push(...specProblems(CreateMessageInteractionCallbackRequestSchema, body));
      if (data) out.push(...checkMessageLimits(data, ['data'], { requireNonEmpty: true, files }));
      else if (files === 0)
        out.push({
          path: ['data'],
          code: 'MESSAGE_EMPTY',
          message: 'Cannot send an empty message',
          discordCode: 50006,
        });
      break;
    case 5:
      out.push(...specProblems(CreateMessageInteractionCallbackRequestSchema, body));
      if (data) out.push(...checkMessageLimits(data, ['data'], { requireNonEmpty: false, files }));
      break;
    case 6:
    case 7:
      out.push(...specProblems(UpdateMessageInteractionCallbackRequestSchema, body));
      if (data) out.push(...checkMessageLimits(data, ['data'], { requireNonEmpty: false, files }));
      break;
    case 8:
      out.push(...validateAutocompleteCallback(body, context));
      break;
    case 9:
      out.push(...specProblems(ModalInteractionCallbackRequestSchema, body));
      break;
    default:
      out.push({
        path: ['type'],
        code: 'BASE_TYPE_CHOICES',
        message: 'Value must be one of (4, 5, 6, 7, 8, 9).',
      });
  }
  return dedupe(out);
}

// ---------------------------------------------------------------------------------------------------------
// Application commands

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
  if (options.length > LIMITS.commandOptions) {
    out.push({
      path: base,
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${LIMITS.commandOptions} or fewer in length.`,
    });
  }
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
      if (option.choices.length > LIMITS.commandChoices) {
        out.push({
          path: [...path, 'choices'],
          code: 'BASE_TYPE_MAX_LENGTH',
          message: `Must be ${LIMITS.commandChoices} or fewer in length.`,
        });
      }
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
  if (commands.length > 100) {
    out.push({ path: [], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
  }
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

// ---------------------------------------------------------------------------------------------------------

/** Discord's nested `errors` object of a 50035 response, built from problems. */
export function toFormErrors(problems: ValidationProblem[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const problem of problems) {
    let node = root;
    for (const key of problem.path) {
      const k = String(key);
      const next = node[k];
      if (isObject(next)) node = next;
      else {
        const created: Record<string, unknown> = {};
        node[k] = created;
        node = created;
      }
    }
    const list = (node._errors as unknown[] | undefined) ?? [];
    list.push({ code: problem.code, message: problem.message });
    node._errors = list;
  }
  return root;
}

/** One-line summary per problem, e.g. `data.embeds.0.title: Must be 256 or fewer in length.` */
export function formatProblems(problems: ValidationProblem[]): string[] {
  return problems.map((p) => `${p.path.length > 0 ? p.path.join('.') : '(body)'}: ${p.message} [${p.code}]`);
}
