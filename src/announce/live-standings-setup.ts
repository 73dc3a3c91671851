import {
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ChannelType,
} from 'discord-api-types/v10';
import type { Reply } from '../core/command.js';
import { type BotServices, type CommandContext, type OptionValues, UserError } from '../core/command.js';
import { readString } from '../core/options.js';
import { buildReply } from '../core/reply.js';
import { t } from '../i18n/catalogue.js';
import { replyLocale } from '../i18n/reply-locale.js';
import { plainClassName } from '../replies/common.js';
import {
  channelLink,
  discordTimestamp,
  joinSafe,
  literal,
  md,
  type SafeText,
  safe,
} from '../replies/safe-text.js';
import { quoteInput } from '../replies/text.js';
import { classesWithStandings } from '../season/computed-table.js';
import { channelRefusal } from '../setup/channel-problem.js';
import { isKeptUp, LivePostLedger, newLivePost } from './live-standings-ledger.js';

/** The `/setup live-standings` subcommand's definition; `classes` are /standings's class choices. */
export function liveStandingsSubcommand<C extends readonly { name: string; value: string }[]>(classes: C) {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'live-standings',
    description: 'Keep one standings message per class in a channel, edited after every round',
    options: [
      {
        type: ApplicationCommandOptionType.Channel,
        name: 'channel',
        description: 'Where the living tables go',
        required: true,
        channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'class',
        description: 'Only this class (default: every class with a table)',
        required: false,
        choices: [...classes],
        max_length: 20,
      },
    ],
  } as const satisfies APIApplicationCommandSubcommandOption;
}

/**
 * `/setup live-standings channel:#… [class]`: one message per class (or the one class) in that channel,
 * edited in place whenever its table changes. Asking again for the same channel changes nothing; another
 * channel starts a new post there (the old one stays as it is, no longer updated).
 */
export async function setUpLiveStandings(
  options: OptionValues,
  context: CommandContext,
  services: BotServices,
  guildId: string,
  offered: readonly string[],
): Promise<Reply> {
  const channelId = readString(options, 'channel');
  if (!channelId) throw new UserError((locale) => t(locale, 'replies.liveSetup.whichChannel'));
  const check = await services.checkChannel(guildId, channelId);
  if (!check.ok)
    throw new UserError((locale) =>
      t(locale, 'replies.liveSetup.cannotPost', {
        channel: channelLink(channelId),
        problem: channelRefusal(locale, check),
      }),
    );
  const settings = await services.settings.get(guildId);
  const seasonId = settings?.seasonId ?? null;
  const model = context.seasons.get(seasonId);
  if (!model) throw new UserError((locale) => t(locale, 'replies.liveSetup.seasonNotLoaded'));
  const available = classesWithStandings(model).filter((id) => offered.includes(id));
  const wanted = readString(options, 'class');
  if (wanted && !available.includes(wanted))
    throw new UserError(
      (locale) =>
        t(locale, 'replies.liveSetup.noClassTable', { season: safe(model.name), typed: quoteInput(wanted) }),
      available,
    );
  const classes = wanted ? [wanted] : available;
  if (classes.length === 0)
    throw new UserError((locale) => t(locale, 'replies.liveSetup.noTable', { season: safe(model.name) }));
  const locale = replyLocale(context.invoker);
  const ledger = new LivePostLedger(services.store);
  const since = context.now().toISOString();
  const lines: SafeText[] = [];
  for (const classId of classes) {
    const existing = await ledger.get(guildId, classId);
    const name = safe(plainClassName(model, classId));
    if (existing && existing.channelId === channelId && isKeptUp(existing.state)) {
      lines.push(t(locale, 'replies.liveSetup.already', { class: name, channel: channelLink(channelId) }));
      continue;
    }
    await ledger.put(newLivePost({ guildId, classId, seasonId, channelId, since }));
    const key =
      existing?.messageId && existing.channelId !== channelId
        ? 'replies.liveSetup.moved'
        : 'replies.liveSetup.posting';
    lines.push(
      t(locale, key, {
        class: name,
        channel: channelLink(channelId),
        old: channelLink(existing?.channelId ?? channelId),
      }),
    );
  }
  services.refreshLiveStandings?.();
  lines.push(t(locale, 'replies.liveSetup.pinNote'));
  return buildReply({ content: joinSafe(lines, '\n'), ephemeral: true });
}

/** Lines for /setup show: where each living post is, what it shows, and whether it was deleted. */
export async function describeLiveStandings(
  services: BotServices,
  guildId: string,
  context: CommandContext,
): Promise<SafeText[]> {
  const posts = await new LivePostLedger(services.store).ofGuild(guildId);
  const locale = replyLocale(context.invoker);
  return posts.map((post) => {
    const model = context.seasons.get(post.seasonId);
    const name = safe(model ? plainClassName(model, post.classId) : post.classId);
    const where = channelLink(post.channelId);
    switch (post.state) {
      case 'new':
      case 'pending':
        return t(locale, 'replies.liveSetup.showPosting', { class: name, channel: where });
      case 'failed':
        return t(locale, 'replies.liveSetup.showFailed', {
          class: name,
          channel: where,
          reason: safe(post.note ?? ''),
        });
      case 'deleted':
        return t(locale, 'replies.liveSetup.showDeleted', { class: name, channel: where });
      case 'stopped':
        return t(locale, 'replies.liveSetup.showStopped', { class: name, channel: where });
      default: {
        const after = post.afterRound
          ? t(locale, 'replies.liveSetup.showAfterRound', { round: md`${post.afterRound}` })
          : t(locale, 'replies.liveSetup.showPosted');
        const pin = post.pinned
          ? t(locale, 'replies.liveSetup.showPinned')
          : t(locale, 'replies.liveSetup.showNotPinned');
        const deleted =
          post.repostedAt !== null
            ? t(locale, 'replies.liveSetup.showReposted', {
                when: discordTimestamp(new Date(post.repostedAt), 'R'),
              })
            : literal('');
        return t(locale, 'replies.liveSetup.showLive', {
          class: name,
          channel: where,
          after,
          pin,
          reposted: deleted,
        });
      }
    }
  });
}
