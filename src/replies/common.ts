import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { Round, SeasonModel } from '../season/model.js';
import { roundDateForDisplay } from '../season/round-time.js';
import { discordTimestamp, md, type SafeText, safe } from './safe-text.js';
import { flag as flagOf } from './text.js';

/** Embed colours: one per kind of answer, so a channel reads at a glance. */
export const COLOURS = {
  standings: 0xf5b301,
  person: 0x3b82f6,
  results: 0x16a34a,
  calendar: 0x8b5cf6,
  scoring: 0x64748b,
  recap: 0xdc2626,
} as const;

export function sourceFooter(model: SeasonModel, locale: Locale): { text: SafeText } {
  const source = model.files.season.source;
  return {
    text: t(locale, 'replies.common.source', {
      title: safe(source.title),
      kind: safe(source.kind),
      version: safe(model.version.slice(0, 7)),
    }),
  };
}

export function personWithFlag(model: SeasonModel, personId: string): SafeText {
  const person = model.people.get(personId);
  if (!person) return safe(personId);
  return md`${flagOf(person.nationality.iso)} ${safe(person.name)}`;
}

/** A team's name as plain text (autocomplete choices); replies use `safe(teamName(…))` or `teamWithFlag`. */
export function teamName(model: SeasonModel, teamId: string | null): string {
  if (teamId === null) return '—';
  return model.teams.get(teamId)?.name ?? teamId;
}

export function teamWithFlag(model: SeasonModel, teamId: string): SafeText {
  const team = model.teams.get(teamId);
  if (!team) return safe(teamId);
  return md`${flagOf(team.nationality.iso)} ${safe(team.name)}`;
}

export function className(model: SeasonModel, classId: string): SafeText {
  return safe(plainClassName(model, classId));
}

/** A class's name as plain text, for what is not markdown: pictures, autocomplete choices, alt text. */
export function plainClassName(model: SeasonModel, classId: string): string {
  return model.classes.find((c) => c.id === classId)?.name ?? classId;
}

/** "R4 Spa-Francorchamps" */
export function roundLabel(round: Round): SafeText {
  return md`R${round.round} ${safe(round.short_name)}`;
}

/** "6 hours", "1000 km": our own labels for the round formats. */
export function formatLabel(format: Round['format'], locale: Locale): SafeText {
  if (format === '1000km') return t(locale, 'replies.common.km1000');
  return t(locale, 'replies.common.hours', { hours: Number.parseInt(format, 10) });
}

/** A Discord timestamp of the round's date (`<t:…:D>` shows it in each reader's own locale). */
export function discordDate(round: Round, style: 'D' | 'd' | 'R' = 'D'): SafeText {
  return discordTimestamp(roundDateForDisplay(round), style);
}

/** Drop the printed nationality code: "NED Nicky Catsburg" -> "Nicky Catsburg", "GBR JR Motorsports" -> "JR Motorsports". */
export function withoutCode(asWritten: string): string {
  return asWritten.replace(/^[A-Z]{3} /, '');
}

/** A person as a published table prints them (spelling kept), with the flag of their nationality. */
export function writtenPersonWithFlag(
  model: SeasonModel,
  ref: { personId: string; asWritten: string },
): SafeText {
  const person = model.people.get(ref.personId);
  const name = safe(withoutCode(ref.asWritten));
  return person ? md`${flagOf(person.nationality.iso)} ${name}` : name;
}
