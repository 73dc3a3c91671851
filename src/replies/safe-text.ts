import { channelMention, roleMention, time } from '@discordjs/formatters';
import type { APIEmbed, APIEmbedAuthor, APIEmbedFooter } from 'discord-api-types/v10';

declare const safeTextBrand: unique symbol;
/**
 * Text that Discord shows exactly as meant: data and user text went through `safe`, markup was written by
 * us. Reply builders take only this, so text that skipped the escaper does not compile. Only this module
 * makes one (a test keeps `as SafeText` out of every other file).
 */
export type SafeText = string & { readonly [safeTextBrand]: true };

/** Numbers print digits, signs and dots only: safe as they are. */
type SafePart = SafeText | number;
/** A string literal written in our code (its type is the literal), never a `string` from data. */
type Literal<S extends string> = string extends S ? never : S;

const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Inline markup: Discord reads "\x" as a literal x for any punctuation x, so these are backslash-escaped. */
const INLINE_MARKUP = /[\\*_~`|[\]]/g;
/** Block markup counts only at the start of a line: quote, heading, subtext, list item. */
const LINE_MARKUP = /^(\s*)(>|#{1,3}\s|-#\s|[-+]\s|\d+\.\s)/gm;
const NEEDS_WORK = /[\\*_~`|[\]@<\u202a-\u202e\u2066-\u2069]|^\s*(?:>|#|-#|[-+]\s|\d+\.\s)/m;

/**
 * Text from data files and from users, made safe to show: markdown rendered as written, no mention syntax
 * that could resolve, no invisible direction overrides that could reorder the line around it.
 * Hand-written instead of escapeMarkdown: one pass per rule, and nothing to do for ordinary names.
 */
export function safe(text: string): SafeText {
  if (!NEEDS_WORK.test(text)) return text as SafeText;
  return (
    text
      .replace(DIRECTION_CONTROLS, '')
      .replace(INLINE_MARKUP, '\\$&')
      // "\\1" would show the backslash (only punctuation can be escaped): a numbered item escapes its dot.
      .replace(LINE_MARKUP, (_, indent: string, marker: string) =>
        /^\d/.test(marker) ? `${indent}${marker.replace('.', '\\.')}` : `${indent}\\${marker}`,
      )
      .replace(/@/g, '@\u200b')
      .replace(/<(?=[@#:/t])/g, '<\u200b') as SafeText
  );
}

/**
 * Markup written in our code around safe parts: md`**${safe(name)}** scored ${points}`. The literal parts
 * are ours; every interpolated part must already be safe (or a number).
 */
export function md(strings: TemplateStringsArray, ...parts: readonly SafePart[]): SafeText {
  let out = strings[0] ?? '';
  for (let i = 0; i < parts.length; i++) out += `${parts[i]}${strings[i + 1] ?? ''}`;
  return out as SafeText;
}

/** A fixed text of ours (a constant, a label from a table of literals) used as safe text. */
export function literal<S extends string>(text: Literal<S>): SafeText {
  return text as string as SafeText;
}

/**
 * A message of our catalogue (src/i18n/locales), rendered with safe values: our markup, like a literal. Only
 * src/i18n/catalogue.ts calls this (a test keeps it there), so data cannot pass for catalogue text.
 */
export function catalogueText(text: string): SafeText {
  return text as SafeText;
}

export function bold(text: SafePart): SafeText {
  return md`**${text}**`;
}

export function italic(text: SafePart): SafeText {
  return md`*${text}*`;
}

/** Join safe parts with a separator written in our code. */
export function joinSafe<S extends string>(parts: readonly SafePart[], separator: Literal<S>): SafeText {
  return parts.join(separator) as SafeText;
}

/** A Discord timestamp (`<t:…:D>`), shown in each reader's own locale. */
export function discordTimestamp(date: Date, style: 'D' | 'd' | 'f' | 'F' | 'R'): SafeText {
  return time(date, style) as SafeText;
}

const SNOWFLAKE = /^\d{1,20}$/;

/** `<#id>`: a channel link (not a ping). Anything but a snowflake is shown as text. */
export function channelLink(channelId: string): SafeText {
  return SNOWFLAKE.test(channelId) ? (channelMention(channelId) as SafeText) : safe(channelId);
}

/**
 * `<@&id>`: a role mention, shown as the role's name. Whether it pings is up to allowed_mentions (replies
 * parse none). Anything but a snowflake is shown as text.
 */
export function roleLink(roleId: string): SafeText {
  return SNOWFLAKE.test(roleId) ? (roleMention(roleId) as SafeText) : safe(roleId);
}

/** Cut safe text to `max` characters (never inside a surrogate pair), ending with "…" when cut. */
export function truncateSafe(text: SafeText, max: number): SafeText {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…` as SafeText;
}

/** An embed whose every text part is safe text: what every reply builder returns and buildReply takes. */
export interface SafeEmbedField {
  name: SafeText;
  value: SafeText;
  inline?: boolean;
}
export interface SafeEmbed extends Omit<APIEmbed, 'title' | 'description' | 'fields' | 'footer' | 'author'> {
  title?: SafeText;
  description?: SafeText;
  fields?: SafeEmbedField[];
  footer?: Omit<APIEmbedFooter, 'text'> & { text: SafeText };
  author?: Omit<APIEmbedAuthor, 'name'> & { name: SafeText };
}
