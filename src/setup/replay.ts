import { randomUUID } from 'node:crypto';
import { createTimeline } from '../announce/timeline.js';
import type { BotServices, CommandContext, OptionValues, Reply } from '../core/command.js';
import { UserError } from '../core/command.js';
import { type DateTimeParse, type ImpossibleDate, parseDateTime } from '../core/date-time.js';
import { readString } from '../core/options.js';
import { buildReply } from '../core/reply.js';
import { t } from '../i18n/catalogue.js';
import { monthName } from '../i18n/cldr.js';
import type { Locale } from '../i18n/locale.js';
import { replyLocale } from '../i18n/reply-locale.js';
import { channelLink, discordTimestamp, joinSafe, md, type SafeText, safe } from '../replies/safe-text.js';
import { quoteInput } from '../replies/text.js';
import { settingsToWrite, writtenBy } from './guild-settings.js';

/** "2026-12-01" (18:00 UTC), "2026-12-01T18:00Z", "in 5m", "in 2h", "in 3d", "now". */
export function parseReplayStart(text: string, now: Date): DateTimeParse {
  const relative = /^in\s+(\d{1,6})\s*(s|m|h|d)$/i.exec(text.trim());
  if (relative) {
    const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[
      (relative[2] as string).toLowerCase() as 's'
    ];
    return { ok: true, date: new Date(now.getTime() + Number(relative[1]) * unit) };
  }
  if (text.trim().toLowerCase() === 'now') return { ok: true, date: now };
  return parseDateTime(text, { timeOfDay: '18:00:00' });
}

/** Which part of a date-time does not exist, in `locale` (months named as the language names them). */
export function describeImpossibleDate(locale: Locale, issue: ImpossibleDate): SafeText {
  switch (issue.part) {
    case 'month':
      return t(locale, 'replies.dates.noMonth', { month: safe(issue.month) });
    case 'day': {
      const month = monthName(locale, issue.month);
      return t(locale, 'replies.dates.noDay', {
        day: issue.day,
        month: safe(month),
        year: md`${issue.year}`,
      });
    }
    case 'time':
      return t(locale, 'replies.dates.noTime', { time: safe(issue.time) });
    case 'offset':
      return t(locale, 'replies.dates.noOffset', { zone: safe(issue.zone) });
  }
}

/** `/setup replay start:… [speed]`: relive the season from a chosen time, or `off` for the real calendar. */
export async function setUpReplay(
  options: OptionValues,
  context: CommandContext,
  services: BotServices,
  guildId: string,
): Promise<Reply> {
  const locale = replyLocale(context.invoker);
  const start = readString(options, 'start') ?? '';
  const current = await settingsToWrite(services, guildId, context);
  if (start.toLowerCase() === 'off') {
    await services.settings.save({
      ...current,
      replay: null,
      ...writtenBy(context),
    });
    return buildReply({ content: t(locale, 'replies.settings.replayOff'), ephemeral: true });
  }
  const parsed = parseReplayStart(start, context.now());
  if (!parsed.ok) {
    const { issue } = parsed.reason === 'impossible' ? parsed : { issue: null };
    throw new UserError((l) =>
      issue
        ? describeImpossibleDate(l, issue)
        : t(l, 'replies.settings.replayNotATime', { typed: quoteInput(start) }),
    );
  }
  const anchor = parsed.date;
  const speed = options.speed === undefined ? 1 : Number(options.speed);
  if (!Number.isFinite(speed) || speed < 1 || speed > 100_000)
    throw new UserError((l) => t(l, 'replies.settings.replayBadSpeed'));
  await services.settings.save({
    ...current,
    // A new run each time: the previous run's recaps do not stop this one's (a second replay posts again).
    replay: { anchor: anchor.toISOString(), speed, run: randomUUID() },
    ...writtenBy(context),
  });
  const model = context.seasons.get(current.seasonId) ?? context.seasons.defaultSeason();
  const timeline = createTimeline(model, { anchor: anchor.toISOString(), speed });
  const schedule = model.rounds.map((r) =>
    t(locale, 'replies.settings.replayRound', {
      round: md`${r.round}`,
      name: safe(r.short_name),
      when: discordTimestamp(timeline.roundEndReal(r), 'f'),
    }),
  );
  const channel = current.channelId
    ? t(locale, 'replies.settings.replayChannel', { channel: channelLink(current.channelId) })
    : t(locale, 'replies.settings.replayNoChannel');
  const head = t(locale, 'replies.settings.replaying', { season: safe(model.name), speed: md`${speed}` });
  return buildReply({ content: joinSafe([head, ...schedule, channel], '\n'), ephemeral: true });
}
