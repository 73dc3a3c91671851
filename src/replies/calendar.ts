import { createTimeline, type Timeline } from '../announce/timeline.js';
import type { SeasonModel } from '../season/model.js';
import { COLOURS, discordDate, formatLabel, sourceFooter } from './common.js';
import { roundPlace } from './results.js';
import { bold, discordTimestamp, joinSafe, literal, md, type SafeEmbed, safe } from './safe-text.js';

/**
 * The calendar as of `now` (real time). With a replay timeline, rounds are shown on their replayed dates
 * (the published date stays alongside) and "done"/"next" follow the replay.
 */
export function buildCalendarEmbed(
  model: SeasonModel,
  now: Date,
  timeline: Timeline = createTimeline(model, null),
): SafeEmbed {
  const ends = model.rounds.map((round) => timeline.roundEndReal(round));
  const nextIndex = ends.findIndex((end) => end.getTime() > now.getTime());
  const next = nextIndex >= 0 ? model.rounds[nextIndex] : undefined;
  const lines = model.rounds.map((round, i) => {
    const done = (ends[i] as Date).getTime() <= now.getTime();
    const status = literal(done ? '✅' : i === nextIndex ? '⏭️' : '🗓️');
    const when = timeline.replay
      ? md`${discordTimestamp(ends[i] as Date, 'f')} (published ${discordDate(round)})`
      : discordDate(round);
    return md`${status} ${bold(md`R${round.round}`)} ${when} · ${roundPlace(round, 'en')} · ${formatLabel(round.format, 'en')}`;
  });
  const summary = next
    ? md`Next: round ${next.round}, ${safe(next.short_name)}, ends ${discordTimestamp(ends[nextIndex] as Date, 'R')}.`
    : md`All ${model.rounds.length} rounds are done.`;
  const replay = timeline.replay
    ? md`Replay at ${timeline.replay.speed}× speed: round 1 ends ${discordTimestamp(ends[0] as Date, 'f')}.`
    : null;
  const announcement = model.files.season.calendar_announcement;
  const about = announcement
    ? safe(`Announced by ${announcement.by} in ${announcement.when}. ${announcement.changes ?? ''}`.trim())
    : null;
  return {
    title: md`Calendar — ${safe(model.name)}`,
    description: joinSafe(
      [joinSafe(lines, '\n'), literal(''), summary, replay, about].filter((l) => l !== null),
      '\n',
    ),
    color: COLOURS.calendar,
    footer: sourceFooter(model, 'en'),
  };
}
