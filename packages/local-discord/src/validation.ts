/**
 * Body validation as Discord does it: the official OpenAPI schemas (`discord-api-spec/zod`) plus the
 * documented limits the spec lacks or states differently (content 2000, embed total 6000, choice value
 * 100, command name pattern, 8000 characters per command). Lengths count Unicode code points, as Discord
 * does. Every validator returns a list of problems (empty = valid) and never throws, so unit tests can
 * check reply bodies offline with the same code the local Discord uses to answer 400 / 50035.
 */
import {
  ApplicationCommandAutocompleteCallbackRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateRequestPartialSchema,
  MessageCreateRequestSchema,
  MessageEditRequestPartialSchema,
  ModalInteractionCallbackRequestSchema,
  UpdateMessageInteractionCallbackRequestSchema,
} from 'discord-api-spec/zod';
import { checkComponents } from './component-validation.js';
import {
  boundedLength,
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
  type ValidationProblem,
} from './problems.js';

export { commandLength, validateCommandDefinition, validateCommandList } from './command-validation.js';
export {
  COMMAND_NAME_PATTERN,
  charCount,
  formatProblems,
  LIMITS,
  type ProblemPath,
  toFormErrors,
  type ValidationProblem,
} from './problems.js';

// ---------------------------------------------------------------------------------------------------------
// Message bodies

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
    maxItems([...path, 'fields'], embed.fields, LIMITS.embedFields, out);
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
    maxItems([...base, 'embeds'], body.embeds, LIMITS.embeds, out);
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
    maxItems(['data', 'choices'], choices, LIMITS.autocompleteChoices, out);
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
