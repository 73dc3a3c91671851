import type { APIEmbed } from 'discord-api-types/v10';
import { createTimeline, type Timeline } from '../announce/timeline.js';
import type { SeasonModel } from '../season/model.js';
import { FORMAT_LABEL } from '../season/round-time.js';
import { COLOURS, discordDate, sourceFooter } from './common.js';
import { roundPlace } from './results.js';

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * The calendar as of `now` (real time). With a replay timeline, rounds are shown on their replayed dates
 * (the published date stays alongside) and "done"/"next" follow the replay.
 */
export function buildCalendarEmbed(
  model: SeasonModel,
  now: Date,
  timeline: Timeline = createTimeline(model, null),
): APIEmbed {
  const ends = model.rounds.map((round) => timeline.roundEndReal(round));
  const nextIndex = ends.findIndex((end) => end.getTime() > now.getTime());
  const next = nextIndex >= 0 ? model.rounds[nextIndex] : undefined;
  const lines = model.rounds.map((round, i) => {
    const done = (ends[i] as Date).getTime() <= now.getTime();
    const status = done ? '✅' : i === nextIndex ? '⏭️' : '🗓️';
    const when = timeline.replay
      ? `<t:${unix(ends[i] as Date)}:f> (published ${discordDate(round)})`
      : discordDate(round);
    return `${status} **R${round.round}** ${when} · ${roundPlace(round)} · ${FORMAT_LABEL[round.format]}`;
  });
  const summary = next
    ? `Next: round ${next.round}, ${next.short_name}, ends <t:${unix(ends[nextIndex] as Date)}:R>.`
    : `All ${model.rounds.length} rounds are done.`;
  const replay = timeline.replay
    ? `Replay at ${timeline.replay.speed}× speed: round 1 ends <t:${unix(ends[0] as Date)}:f>.`
    : null;
  const announcement = model.files.season.calendar_announcement;
  const about = announcement
    ? `Announced by ${announcement.by} in ${announcement.when}. ${announcement.changes ?? ''}`.trim()
    : null;
  return {
    title: `Calendar — ${model.name}`,
    description: [lines.join('\n'), '', summary, replay, about].filter((l) => l !== null).join('\n'),
    color: COLOURS.calendar,
    footer: sourceFooter(model),
  };
}
