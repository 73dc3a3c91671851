import { createTimeline, type Timeline } from '../announce/timeline.js';
import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
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
  locale: Locale,
  timeline: Timeline = createTimeline(model, null),
): SafeEmbed {
  const ends = model.rounds.map((round) => timeline.roundEndReal(round));
  const nextIndex = ends.findIndex((end) => end.getTime() > now.getTime());
  const next = nextIndex >= 0 ? model.rounds[nextIndex] : undefined;
  const lines = model.rounds.map((round, i) => {
    const done = (ends[i] as Date).getTime() <= now.getTime();
    const status = literal(done ? '✅' : i === nextIndex ? '⏭️' : '🗓️');
    const when = timeline.replay
      ? t(locale, 'replies.calendar.replayedWhen', {
          when: discordTimestamp(ends[i] as Date, 'f'),
          date: discordDate(round),
        })
      : discordDate(round);
    return md`${status} ${bold(md`R${round.round}`)} ${when} · ${roundPlace(round, locale)} · ${formatLabel(round.format, locale)}`;
  });
  const summary = next
    ? t(locale, 'replies.calendar.next', {
        round: next.round,
        name: safe(next.short_name),
        relative: discordTimestamp(ends[nextIndex] as Date, 'R'),
      })
    : t(locale, 'replies.calendar.allDone', { count: model.rounds.length });
  const replay = timeline.replay
    ? t(locale, 'replies.calendar.replay', {
        // As typed (no thousands separator: 100000×, not 100,000×).
        speed: safe(String(timeline.replay.speed)),
        when: discordTimestamp(ends[0] as Date, 'f'),
      })
    : null;
  const announcement = model.files.season.calendar_announcement;
  const about = announcement
    ? md`${t(locale, 'replies.calendar.announced', {
        by: safe(announcement.by),
        when: safe(announcement.when),
      })}${announcement.changes ? md` ${safe(announcement.changes)}` : literal('')}`
    : null;
  return {
    title: t(locale, 'replies.calendar.title', { season: safe(model.name) }),
    description: joinSafe(
      [joinSafe(lines, '\n'), literal(''), summary, replay, about].filter((l) => l !== null),
      '\n',
    ),
    color: COLOURS.calendar,
    footer: sourceFooter(model, locale),
  };
}
