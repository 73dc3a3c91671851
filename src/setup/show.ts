import { describeLiveStandings } from '../announce/live-standings-setup.js';
import { createTimeline } from '../announce/timeline.js';
import type { BotServices, CommandContext, Reply } from '../core/command.js';
import { buildReply } from '../core/reply.js';
import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import { replyLocale } from '../i18n/reply-locale.js';
import { describeLanguage } from '../i18n/setup-language.js';
import { COLOURS } from '../replies/common.js';
import {
  channelLink,
  discordTimestamp,
  joinSafe,
  md,
  roleLink,
  type SafeText,
  safe,
} from '../replies/safe-text.js';
import { quoteInput } from '../replies/text.js';
import { type LastRecap, readLastRecap } from '../store/ledger.js';
import type { GuildSettings } from '../store/settings-store.js';

/** `/setup show`: this server's settings, the last recap, the living tables, or that storage lost them. */
export async function showSettings(
  context: CommandContext,
  services: BotServices,
  guildId: string,
): Promise<Reply> {
  const locale = replyLocale(context.invoker);
  const loss = await services.settings.epoch.check();
  const settings = await services.settings.get(guildId);
  const last = await readLastRecap(services.store, guildId);
  if (!settings && loss)
    return buildReply({
      content: joinSafe(
        [
          t(locale, 'replies.settings.storageLost', {
            when: discordTimestamp(new Date(loss.detectedAt), 'F'),
          }),
          t(locale, 'replies.settings.storageLostRecapsOff'),
          t(locale, 'replies.settings.storageLostNoRepeats'),
        ],
        '\n',
      ),
      ephemeral: true,
    });
  const live = await describeLiveStandings(services, guildId, context);
  if (!settings)
    return buildReply({
      content: joinSafe([t(locale, 'replies.settings.noSettings'), ...live], '\n'),
      ephemeral: true,
    });
  const lines = [
    ...settingsLines(settings, last, context, locale),
    describeLanguage(settings, locale),
    ...live,
  ];
  const next = nextReplayedRound(settings, context, locale);
  if (next) lines.push(next);
  return buildReply({
    embeds: [
      {
        title: t(locale, 'replies.settings.showTitle'),
        description: joinSafe(lines, '\n'),
        color: COLOURS.scoring,
      },
    ],
    ephemeral: true,
  });
}

function settingsLines(
  settings: GuildSettings,
  last: LastRecap | null,
  context: CommandContext,
  locale: Locale,
): SafeText[] {
  const model = context.seasons.get(settings.seasonId);
  const lines = [
    settings.channelId
      ? t(locale, 'replies.settings.showChannel', { channel: channelLink(settings.channelId) })
      : t(locale, 'replies.settings.showOff'),
    t(locale, 'replies.settings.showSeason', {
      season: model
        ? safe(model.name)
        : t(locale, 'replies.settings.showSeasonNotLoaded', { id: quoteInput(settings.seasonId ?? '') }),
    }),
    settings.mentionRoleId
      ? t(locale, 'replies.settings.showMention', {
          role: roleLink(settings.mentionRoleId),
          hours: md`${settings.spoilerDelayHours}`,
        })
      : t(locale, 'replies.settings.showMentionNobody', { hours: md`${settings.spoilerDelayHours}` }),
    settings.replay
      ? t(locale, 'replies.settings.showReplay', {
          when: discordTimestamp(new Date(settings.replay.anchor), 'F'),
          speed: md`${settings.replay.speed}`,
        })
      : t(locale, 'replies.settings.showReplayOff'),
    last
      ? t(locale, 'replies.settings.showLastRecap', {
          round: md`${last.round}`,
          season: safe(last.seasonId),
          channel: channelLink(last.channelId),
          when: discordTimestamp(new Date(last.at), 'R'),
        })
      : t(locale, 'replies.settings.showNoRecapYet'),
  ];
  if (settings.broken)
    lines.push(
      t(locale, 'replies.settings.showBroken', {
        code:
          settings.broken.code === null ? t(locale, 'replies.settings.noCode') : md`${settings.broken.code}`,
        reason: safe(settings.broken.reason),
        when: discordTimestamp(new Date(settings.broken.at), 'R'),
      }),
    );
  return lines;
}

function nextReplayedRound(
  settings: GuildSettings,
  context: CommandContext,
  locale: Locale,
): SafeText | null {
  const model = context.seasons.get(settings.seasonId);
  if (!model || !settings.replay) return null;
  const timeline = createTimeline(model, settings.replay);
  const next = model.rounds.find((r) => timeline.roundEndReal(r).getTime() > context.now().getTime());
  if (!next) return null;
  return t(locale, 'replies.settings.showNextReplayed', {
    round: md`${next.round}`,
    name: safe(next.short_name),
    when: discordTimestamp(timeline.roundEndReal(next), 'R'),
  });
}
