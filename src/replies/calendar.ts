import type { APIEmbed } from 'discord-api-types/v10';
import type { SeasonModel } from '../season/model.js';
import { calendarStatus, FORMAT_LABEL, roundEndsAt } from '../season/round-time.js';
import { COLOURS, discordDate, sourceFooter } from './common.js';
import { roundPlace } from './results.js';

export function buildCalendarEmbed(model: SeasonModel, now: Date): APIEmbed {
  const { done, next } = calendarStatus(model.rounds, now);
  const lines = model.rounds.map((round) => {
    const status = done.has(round.round) ? '✅' : round === next ? '⏭️' : '🗓️';
    return `${status} **R${round.round}** ${discordDate(round)} · ${roundPlace(round)} · ${FORMAT_LABEL[round.format]}`;
  });
  const summary = next
    ? `Next: round ${next.round}, ${next.short_name}, ends <t:${Math.floor(roundEndsAt(next).getTime() / 1000)}:R>.`
    : `All ${model.rounds.length} rounds are done.`;
  const announcement = model.files.season.calendar_announcement;
  const about = announcement
    ? `Announced by ${announcement.by} in ${announcement.when}. ${announcement.changes ?? ''}`.trim()
    : null;
  return {
    title: `Calendar — ${model.name}`,
    description: [lines.join('\n'), '', summary, about].filter((l) => l !== null).join('\n'),
    color: COLOURS.calendar,
    footer: sourceFooter(model),
  };
}
