import { randomUUID } from 'node:crypto';
import { createTimeline } from '../announce/timeline.js';
import type { BotServices, CommandContext, OptionValues, Reply } from '../core/command.js';
import { UserError } from '../core/command.js';
import { type DateTimeParse, parseDateTime } from '../core/date-time.js';
import { readString } from '../core/options.js';
import { buildReply } from '../core/reply.js';
import { t } from '../i18n/catalogue.js';
import { replyLocale } from '../i18n/reply-locale.js';
import { channelLink, discordTimestamp, joinSafe, md, safe } from '../replies/safe-text.js';
import { quoteInput } from '../replies/text.js';
import { settingsToWrite } from './guild-settings.js';

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
      updatedAt: context.now().toISOString(),
      updatedBy: context.invoker.userId,
    });
    return buildReply({ content: t(locale, 'replies.settings.replayOff'), ephemeral: true });
  }
  const parsed = parseReplayStart(start, context.now());
  if (!parsed.ok) {
    // The impossible-date sentence comes from the shared date parser, in English.
    const impossible = parsed.reason === 'impossible' ? `${parsed.problem}.` : null;
    throw new UserError(
      (l) => impossible ?? t(l, 'replies.settings.replayNotATime', { typed: quoteInput(start) }),
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
    updatedAt: context.now().toISOString(),
    updatedBy: context.invoker.userId,
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
