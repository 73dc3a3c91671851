/**
 * Shared helpers for the command tests: run a command or an autocomplete the way every adapter does, and
 * check what comes out against Discord twice — with the colleague's validators (`packages/local-discord/src/
 * validation.ts`, spec schemas + documented limits) and with an independent check of the documented
 * limits written from the brief's "Discord facts", so a gap in one is caught by the other.
 */

import {
  formatProblems,
  validateAutocompleteCallback,
  validateInteractionCallback,
} from '@pitboard/local-discord/validation';
import type {
  APIApplicationCommandOptionChoice,
  APIEmbed,
  APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { expect } from 'vitest';
import { commands, findCommand } from '../../commands/index.js';
import { type AppContext, createAppContext } from '../../src/core/app-context.js';
import type { Command, CommandContext, OptionValues, Reply } from '../../src/core/command.js';
import { runAutocomplete, runCommand } from '../../src/core/run-command.js';

/** Mid-season (after round 3, before Spa): calendar has done and upcoming rounds. */
export const MID_SEASON = new Date('2013-07-01T12:00:00Z');

let shared: AppContext | null = null;
/** The bundled season, loaded once per test file, with a pinned clock. */
export function bundledApp(): AppContext {
  shared ??= createAppContext({ now: () => MID_SEASON });
  return shared;
}

export function commandNamed(name: string): Command {
  const command = findCommand(name);
  if (!command) throw new Error(`no command /${name} (have ${commands.map((c) => c.definition.name)})`);
  return command;
}

// ---------------------------------------------------------------------------------------------------------
// Independent limits (Discord's documentation, as quoted in the brief)

export const DOC_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Discord counts characters (code points). */
export function chars(text: string): number {
  return [...text].length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Values that JSON cannot carry faithfully (NaN, Infinity, functions, undefined in arrays, bigint). */
export function nonJsonValues(value: unknown, path = 'body'): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (Array.isArray(value))
    return value.flatMap((v, i) =>
      v === undefined ? [`${path}[${i}]: undefined`] : nonJsonValues(v, `${path}[${i}]`),
    );
  if (isRecord(value))
    return Object.entries(value).flatMap(([k, v]) =>
      v === undefined ? [] : nonJsonValues(v, `${path}.${k}`),
    );
  return [`${path}: ${typeof value}`];
}

function text(
  out: string[],
  where: string,
  value: unknown,
  max: number,
  options: { required?: boolean; nonBlank?: boolean } = {},
): number {
  if (value === undefined || value === null) {
    if (options.required) out.push(`${where}: missing`);
    return 0;
  }
  if (typeof value !== 'string') {
    out.push(`${where}: not a string`);
    return 0;
  }
  const n = chars(value);
  if (n > max) out.push(`${where}: ${n} characters > ${max}`);
  if (options.required && n === 0) out.push(`${where}: empty`);
  // Discord trims embed field names/values; whitespace-only ones are rejected (hence the usual \u200b).
  if (options.nonBlank && n > 0 && value.trim() === '') out.push(`${where}: blank`);
  return n;
}

/** Documented per-embed limits; returns the characters the embed counts toward the 6000 total. */
function embedProblems(embed: unknown, where: string, out: string[]): number {
  if (!isRecord(embed)) {
    out.push(`${where}: not an object`);
    return 0;
  }
  let total = 0;
  total += text(out, `${where}.title`, embed.title, DOC_LIMITS.title);
  total += text(out, `${where}.description`, embed.description, DOC_LIMITS.description);
  if (embed.fields !== undefined) {
    if (!Array.isArray(embed.fields)) out.push(`${where}.fields: not an array`);
    else {
      if (embed.fields.length > DOC_LIMITS.fields)
        out.push(`${where}.fields: ${embed.fields.length} > ${DOC_LIMITS.fields}`);
      for (const [i, field] of (embed.fields as unknown[]).entries()) {
        const at = `${where}.fields[${i}]`;
        if (!isRecord(field)) {
          out.push(`${at}: not an object`);
          continue;
        }
        const rule = { required: true, nonBlank: true };
        total += text(out, `${at}.name`, field.name, DOC_LIMITS.fieldName, rule);
        total += text(out, `${at}.value`, field.value, DOC_LIMITS.fieldValue, rule);
      }
    }
  }
  if (embed.footer !== undefined)
    total += text(
      out,
      `${where}.footer.text`,
      isRecord(embed.footer) ? embed.footer.text : undefined,
      DOC_LIMITS.footer,
      {
        required: true,
      },
    );
  if (embed.author !== undefined)
    total += text(
      out,
      `${where}.author.name`,
      isRecord(embed.author) ? embed.author.name : undefined,
      DOC_LIMITS.author,
      {
        required: true,
      },
    );
  return total;
}

/** Independent check of a type-4 interaction callback body against the documented message limits. */
export function messageLimitProblems(body: unknown, files = 0): string[] {
  const out: string[] = nonJsonValues(body);
  if (!isRecord(body) || body.type !== 4 || !isRecord(body.data))
    return [...out, 'body: not {type: 4, data}'];
  const data = body.data;
  const contentLength = text(out, 'data.content', data.content, DOC_LIMITS.content);
  let embedCount = 0;
  if (data.embeds !== undefined) {
    if (!Array.isArray(data.embeds)) out.push('data.embeds: not an array');
    else {
      embedCount = data.embeds.length;
      if (embedCount > DOC_LIMITS.embeds) out.push(`data.embeds: ${embedCount} > ${DOC_LIMITS.embeds}`);
      const total = data.embeds.reduce<number>(
        (n, e, i) => n + embedProblems(e, `data.embeds[${i}]`, out),
        0,
      );
      if (total > DOC_LIMITS.embedTotal)
        out.push(`data.embeds: ${total} characters in all > ${DOC_LIMITS.embedTotal}`);
    }
  }
  if (contentLength === 0 && embedCount === 0 && files === 0) out.push('data: empty message');
  if (data.flags !== undefined) {
    // Flags a bot may set on an interaction reply: SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS.
    if (typeof data.flags !== 'number' || (data.flags & ~(4 | 64 | 4096)) !== 0)
      out.push(`data.flags: ${String(data.flags)} is not a flag a reply may set`);
  }
  return out;
}

/**
 * Independent check of an autocomplete answer `{type: 8, data: {choices}}`; `valueType` is the focused
 * option's type when known (integer options need integer values, string options strings ≤100).
 */
export function autocompleteLimitProblems(body: unknown, valueType?: 'string' | 'integer'): string[] {
  const out: string[] = nonJsonValues(body);
  if (!isRecord(body) || body.type !== 8 || !isRecord(body.data) || !Array.isArray(body.data.choices))
    return [...out, 'body: not {type: 8, data: {choices}}'];
  const choices: unknown[] = body.data.choices;
  if (choices.length > DOC_LIMITS.choices)
    out.push(`data.choices: ${choices.length} > ${DOC_LIMITS.choices}`);
  for (const [i, choice] of choices.entries()) {
    const at = `data.choices[${i}]`;
    if (!isRecord(choice)) {
      out.push(`${at}: not an object`);
      continue;
    }
    text(out, `${at}.name`, choice.name, DOC_LIMITS.choiceName, { required: true, nonBlank: true });
    const value = choice.value;
    if (valueType === 'integer' || (valueType === undefined && typeof value === 'number')) {
      if (!Number.isSafeInteger(value)) out.push(`${at}.value: ${String(value)} is not an integer`);
    } else text(out, `${at}.value`, value, DOC_LIMITS.choiceValue, { required: true });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Rendered text checks

/** Every string of a message a person reads: content, and every embed part. */
export function renderedStrings(data: APIInteractionResponseCallbackData): string[] {
  const out: string[] = [];
  if (data.content) out.push(data.content);
  for (const embed of (data.embeds ?? []) as APIEmbed[]) {
    if (embed.title) out.push(embed.title);
    if (embed.description) out.push(embed.description);
    for (const field of embed.fields ?? []) out.push(field.name, field.value);
    if (embed.footer?.text) out.push(embed.footer.text);
    if (embed.author?.name) out.push(embed.author.name);
  }
  return out;
}

/** All readable text of a reply as one string (for content assertions). */
export function replyText(reply: Reply): string {
  return renderedStrings(reply.data).join('\n');
}

/**
 * Mention syntax that Discord would resolve if rendered (even with allowed_mentions off it shows as a live
 * mention or pings on edit): `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>`, `<#id>`, `</cmd:id>`.
 */
export function mentionLeaks(value: string): string[] {
  const patterns = [/@(?:everyone|here)/gi, /<@[!&]?\d*>?/g, /<#\d+>?/g, /<\/[^\s>:]+:\d+>/g];
  return patterns.flatMap((p) => [...value.matchAll(p)].map((m) => m[0]));
}

/** Invisible bidirectional overrides/isolates, which reorder the text around them. */
export const BIDI_OVERRIDES = /[\u202a-\u202e\u2066-\u2069]/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
export function hasLoneSurrogate(value: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

/** simple-markdown's inline link rule (Discord's parser derives from it): `[text](href "title")`. */
const MASKED_LINK =
  /^\[((?:\[[^\]]*\]|[^[\]]|\](?=[^[]*\]))*)\]\(\s*<?((?:\([^)]*\)|[^\s\\]|\\.)*?)>?(?:\s+['"]([\s\S]*?)['"])?\s*\)/;

/**
 * Masked links Discord would render live, read as its parser does: left to right, a backslash before
 * any character but a letter, digit or space is an escape (so `\\[` is a literal backslash and then a
 * live bracket), and an unescaped `[` starts a link when the link rule matches there. Returns the links.
 */
export function liveMaskedLinks(value: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] === '\\' && i + 1 < value.length && /[^0-9A-Za-z\s]/.test(value[i + 1] as string)) {
      i += 2;
      continue;
    }
    if (value[i] === '[') {
      const link = MASKED_LINK.exec(value.slice(i));
      if (link) {
        out.push(link[0]);
        i += link[0].length;
        continue;
      }
    }
    i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Running commands as an adapter does, with every check

export interface Answer {
  reply: Reply;
  failure: unknown;
  /** The interaction callback body the bot would POST. */
  body: { type: 4; data: APIInteractionResponseCallbackData };
  text: string;
}

export async function ask(
  name: string,
  options: OptionValues,
  context: CommandContext = bundledApp().makeContext(),
): Promise<Answer> {
  const { reply, failure } = await runCommand(commandNamed(name), options, context);
  return { reply, failure, body: { type: 4, data: reply.data }, text: replyText(reply) };
}

/** Files and `attachment://` references agree: every referenced picture is uploaded and described. */
export function attachmentProblems(reply: Reply): string[] {
  const out: string[] = [];
  const names = (reply.files ?? []).map((f) => f.name);
  const described = (reply.data.attachments ?? []).map((a) => a.filename);
  if (described.join('\n') !== names.join('\n'))
    out.push(
      `data.attachments ${JSON.stringify(described)} do not describe the files ${JSON.stringify(names)}`,
    );
  for (const [i, embed] of (reply.data.embeds ?? []).entries()) {
    for (const part of ['image', 'thumbnail'] as const) {
      const url = embed[part]?.url;
      if (url?.startsWith('attachment://') && !names.includes(url.slice('attachment://'.length)))
        out.push(`data.embeds[${i}].${part}: ${url} is not among the files`);
    }
  }
  for (const file of reply.files ?? [])
    if (file.data.byteLength === 0) out.push(`file ${file.name} is empty`);
  return out;
}

/** Problems with a reply body from both checks (empty = Discord would accept it). */
export function replyProblems(reply: Reply): string[] {
  const body = { type: 4, data: reply.data };
  const files = reply.files?.length ?? 0;
  return [
    ...formatProblems(validateInteractionCallback(body, { interactionType: 2, files })),
    ...messageLimitProblems(body, files),
    ...attachmentProblems(reply),
  ];
}

/**
 * Problems with a callback body seen without its files (the CLI's --json output): the files it announces in
 * `data.attachments` are assumed to be uploaded alongside.
 */
export function callbackBodyProblems(body: unknown): string[] {
  const data = isRecord(body) && isRecord(body.data) ? body.data : {};
  const files = Array.isArray(data.attachments) ? data.attachments.length : 0;
  return [
    ...formatProblems(validateInteractionCallback(body, { interactionType: 2, files })),
    ...messageLimitProblems(body, files),
  ];
}

/** Assert a command answer is a valid Discord reply that pings nobody and did not fail on our side. */
export function expectValidReply(answer: Answer): void {
  expect(answer.failure, 'runCommand reported an unexpected error').toBeNull();
  expect(replyProblems(answer.reply)).toEqual([]);
  expect(answer.reply.data.allowed_mentions).toEqual({ parse: [] });
}

export const EPHEMERAL = 64;

export function isEphemeral(reply: Reply): boolean {
  return ((reply.data.flags ?? 0) & EPHEMERAL) !== 0;
}

export interface Completion {
  choices: APIApplicationCommandOptionChoice[];
  failure: unknown;
  body: { type: 8; data: { choices: APIApplicationCommandOptionChoice[] } };
}

export function complete(
  name: string,
  focused: { name: string; value: string },
  options: OptionValues = {},
  context: CommandContext = bundledApp().makeContext(),
): Completion {
  const { choices, failure } = runAutocomplete(commandNamed(name), focused, options, context);
  return { choices, failure, body: { type: 8, data: { choices } } };
}

/** Option type (3 string, 4 integer, 10 number) of a command's option, as Discord reports it. */
export function optionType(commandName: string, optionName: string): number | undefined {
  return commandNamed(commandName).definition.options?.find((o) => o.name === optionName)?.type;
}

export function completionProblems(completion: Completion, focusedOptionType?: number): string[] {
  return [
    ...formatProblems(
      validateAutocompleteCallback(completion.body, { interactionType: 4, focusedOptionType }),
    ),
    ...autocompleteLimitProblems(
      completion.body,
      focusedOptionType === 4 ? 'integer' : focusedOptionType === 3 ? 'string' : undefined,
    ),
  ];
}

export function expectValidCompletion(completion: Completion, focusedOptionType?: number): void {
  expect(completion.failure, 'autocomplete reported an unexpected error').toBeNull();
  expect(completionProblems(completion, focusedOptionType)).toEqual([]);
}
