import { literal, md, type SafeEmbed, type SafeText, truncateSafe } from './safe-text.js';

/** Discord's documented limits (the docs win where the OpenAPI spec is looser). */
export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedsTotal: 6000,
  embeds: 10,
  content: 2000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Cut text to `max` characters (code points are not split), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Do not leave half of a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Join lines while they fit in `max` characters, cutting at a line boundary and saying how many lines were
 * left out. A cut row is worse than a missing row with a note. Lines are built on demand (`lineAt`), so a
 * 5,000-row table costs only the rows that fit.
 */
export function fitLines(
  count: number,
  lineAt: (index: number) => SafeText,
  max: number,
  more: (left: number) => SafeText,
): SafeText {
  let text: SafeText | null = null;
  for (let i = 0; i < count; i++) {
    const line = lineAt(i);
    const next: SafeText = text === null ? line : md`${text}\n${line}`;
    const reserve = i === count - 1 ? 0 : more(count - i - 1).length + 1;
    if (next.length + reserve > max) {
      const tail = more(count - i);
      return truncateSafe(text === null ? tail : md`${text}\n${tail}`, max);
    }
    text = next;
  }
  return text ?? literal('');
}

export function embedLength(embed: SafeEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Clamp one embed to every per-part limit. */
export function clampEmbed(embed: SafeEmbed): SafeEmbed {
  const out: SafeEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncateSafe(out.title, LIMITS.title);
  if (out.description !== undefined) out.description = truncateSafe(out.description, LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: truncateSafe(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncateSafe(out.author.name, LIMITS.author) };
  if (out.fields) {
    // Discord rejects empty field parts: a zero-width space stands in.
    out.fields = out.fields.slice(0, LIMITS.fields).map((f) => ({
      ...f,
      name: truncateSafe(f.name || literal('\u200b'), LIMITS.fieldName),
      value: truncateSafe(f.value || literal('\u200b'), LIMITS.fieldValue),
    }));
  }
  return out;
}

/**
 * Clamp a message's embeds: each to its limits, at most 10, and all together within 6000 characters.
 * Later embeds give up text first, each in this order: its fields from the end, then its description, then
 * its footer (shortened, or dropped when one character or less would be left). Titles and author names are
 * never cut for the total: what a reader needs to tell the embeds apart, and at most 10 × (256 + 256) = 5120
 * characters, so once every field, description and footer is gone the total always fits.
 */
export function clampEmbeds(embeds: readonly SafeEmbed[]): SafeEmbed[] {
  const clamped = embeds.slice(0, LIMITS.embeds).map(clampEmbed);
  let total = clamped.reduce((n, e) => n + embedLength(e), 0);
  for (let i = clamped.length - 1; i >= 0 && total > LIMITS.embedsTotal; i--) {
    const embed = clamped[i] as SafeEmbed;
    while (embed.fields && embed.fields.length > 0 && total > LIMITS.embedsTotal) {
      const dropped = embed.fields.pop();
      total -= (dropped?.name.length ?? 0) + (dropped?.value.length ?? 0);
    }
    if (total > LIMITS.embedsTotal && embed.description) {
      const shorter = shortened(embed.description, total - LIMITS.embedsTotal);
      total -= embed.description.length - (shorter?.length ?? 0);
      embed.description = shorter;
    }
    if (total > LIMITS.embedsTotal && embed.footer) {
      const shorter = shortened(embed.footer.text, total - LIMITS.embedsTotal);
      total -= embed.footer.text.length - (shorter?.length ?? 0);
      // Discord requires a footer's text: without it the footer (and its icon) goes.
      embed.footer = shorter === undefined ? undefined : { ...embed.footer, text: shorter };
    }
  }
  return clamped;
}

/** Text shortened by `excess` characters; none when one character or less (a lone ellipsis) would be left. */
function shortened(text: SafeText, excess: number): SafeText | undefined {
  const keep = text.length - excess;
  return keep > 1 ? truncateSafe(text, keep) : undefined;
}
