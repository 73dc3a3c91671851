import type { Round, SeasonModel } from '../season/model.js';
import { roundDateForDisplay } from '../season/round-time.js';
import { flag as flagOf, safe } from './text.js';

/** Embed colours: one per kind of answer, so a channel reads at a glance. */
export const COLOURS = {
  standings: 0xf5b301,
  person: 0x3b82f6,
  results: 0x16a34a,
  calendar: 0x8b5cf6,
  scoring: 0x64748b,
  recap: 0xdc2626,
} as const;

export function sourceFooter(model: SeasonModel): { text: string } {
  const source = model.files.season.source;
  return { text: `Source: ${source.title} (${source.kind}) · data ${model.version.slice(0, 7)}` };
}

export function personWithFlag(model: SeasonModel, personId: string): string {
  const person = model.people.get(personId);
  if (!person) return safe(personId);
  return `${flagOf(person.nationality.iso)} ${safe(person.name)}`;
}

export function teamName(model: SeasonModel, teamId: string | null): string {
  if (teamId === null) return '—';
  return model.teams.get(teamId)?.name ?? teamId;
}

export function teamWithFlag(model: SeasonModel, teamId: string): string {
  const team = model.teams.get(teamId);
  if (!team) return safe(teamId);
  return `${flagOf(team.nationality.iso)} ${safe(team.name)}`;
}

export function className(model: SeasonModel, classId: string): string {
  return model.classes.find((c) => c.id === classId)?.name ?? classId;
}

/** "R4 Spa-Francorchamps" */
export function roundLabel(round: Round): string {
  return `R${round.round} ${round.short_name}`;
}

/** A Discord timestamp of the round's date (`<t:…:D>` shows it in each reader's own locale). */
export function discordDate(round: Round, style: 'D' | 'd' | 'R' = 'D'): string {
  return `<t:${Math.floor(roundDateForDisplay(round).getTime() / 1000)}:${style}>`;
}

/** Drop the printed nationality code: "NED Nicky Catsburg" -> "Nicky Catsburg", "GBR JR Motorsports" -> "JR Motorsports". */
export function withoutCode(asWritten: string): string {
  return asWritten.replace(/^[A-Z]{3} /, '');
}

/** A person as a published table prints them (spelling kept), with the flag of their nationality. */
export function writtenPersonWithFlag(
  model: SeasonModel,
  ref: { personId: string; asWritten: string },
): string {
  const person = model.people.get(ref.personId);
  return `${person ? flagOf(person.nationality.iso) : ''} ${safe(withoutCode(ref.asWritten))}`.trim();
}
