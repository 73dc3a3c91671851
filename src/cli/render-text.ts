import type {
  APIActionRowComponent,
  APIApplicationCommandOptionChoice,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIMessageTopLevelComponent,
} from 'discord-api-types/v10';
import { ComponentType } from 'discord-api-types/v10';
import type { Reply } from '../core/command.js';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

function relative(from: Date, to: Date): string {
  const seconds = Math.round((to.getTime() - from.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const units: [number, Intl.RelativeTimeFormatUnit][] = [
    [31_536_000, 'year'],
    [2_592_000, 'month'],
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [size, unit] of units) if (abs >= size) return rtf.format(Math.round(seconds / size), unit);
  return rtf.format(seconds, 'second');
}

/** Discord markup made readable in a terminal: timestamps as dates, escapes and emphasis removed. */
export function renderMarkup(text: string, now: Date): string {
  return text
    .replace(/<t:(-?\d+):([tTdDfFR])>/g, (_, seconds: string, style: string) => {
      const date = new Date(Number(seconds) * 1000);
      if (style === 'R') return relative(now, date);
      return style === 'd' || style === 'D' ? dateFormat.format(date) : dateTimeFormat.format(date);
    })
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[^\\*])\*(?!\s)(.+?)\*/g, '$1$2')
    .replace(/\\([\\*_`~|>#\-[\]()<:.!])/g, '$1')
    .replace(/\u200b/g, '');
}

function renderEmbed(embed: APIEmbed, now: Date): string {
  const out: string[] = [];
  if (embed.title) out.push(`== ${renderMarkup(embed.title, now)} ==`);
  if (embed.description) out.push(renderMarkup(embed.description, now));
  for (const field of embed.fields ?? [])
    out.push('', `-- ${renderMarkup(field.name, now)} --`, renderMarkup(field.value, now));
  if (embed.image?.url) out.push('', `[image: ${embed.image.url.replace(/^attachment:\/\//, '')}]`);
  if (embed.footer?.text) out.push('', renderMarkup(embed.footer.text, now));
  return out.join('\n');
}

/** A reply as a person would read it in a terminal (the `ask` command without --json). */
export function renderReplyText(reply: Reply, now: Date): string {
  const parts: string[] = [];
  if (reply.data.flags && (reply.data.flags & 64) !== 0) parts.push('(only you can see this)');
  if (reply.data.content) parts.push(renderMarkup(reply.data.content, now));
  for (const embed of reply.data.embeds ?? []) parts.push(renderEmbed(embed, now));
  for (const file of reply.files ?? [])
    parts.push(`[attachment: ${file.name}, ${file.data.byteLength} bytes]`);
  const components = renderComponents(reply.data.components ?? []);
  if (components) parts.push(components);
  return parts.join('\n\n');
}

/**
 * Buttons and menus, each with the line that presses it: `press <custom_id>` (a menu: then one of its
 * values). Disabled ones are listed, marked, without a line.
 */
export function renderComponents(rows: readonly APIMessageTopLevelComponent[]): string {
  const lines: string[] = [];
  const inRows = rows.flatMap((row) =>
    row.type === ComponentType.ActionRow
      ? (row as APIActionRowComponent<APIComponentInMessageActionRow>).components
      : [],
  );
  for (const component of inRows) {
    if (!('custom_id' in component)) continue;
    if ('options' in component && component.options) {
      const values = component.options.map((o) => `${o.value}${o.default ? ' (shown)' : ''}`).join(' | ');
      lines.push(`[menu: ${component.placeholder ?? ''}]  press ${component.custom_id} <${values}>`);
    } else if ('label' in component) {
      lines.push(
        component.disabled
          ? `[${component.label ?? ''}] (disabled)`
          : `[${component.label ?? ''}]  press ${component.custom_id}`,
      );
    }
  }
  return lines.join('\n');
}

export function renderChoicesText(choices: readonly APIApplicationCommandOptionChoice[]): string {
  if (choices.length === 0) return '(no suggestions)';
  return choices.map((c) => `${c.name}  →  ${c.value}`).join('\n');
}
