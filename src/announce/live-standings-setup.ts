import {
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ChannelType,
} from 'discord-api-types/v10';
import type { Reply } from '../core/command.js';
import { type BotServices, type CommandContext, type OptionValues, UserError } from '../core/command.js';
import { readString } from '../core/options.js';
import { buildReply } from '../core/reply.js';
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
import { type LivePost, LivePostLedger } from './live-standings-ledger.js';

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
  if (!channelId) throw new UserError('Which channel? e.g. /setup live-standings channel:#standings.');
  const check = await services.checkChannel(guildId, channelId);
  if (!check.ok)
    throw new UserError(
      `Pitboard cannot post in ${channelLink(channelId)}: ${check.problem ?? 'unknown reason'}.`,
    );
  const settings = await services.settings.get(guildId);
  const seasonId = settings?.seasonId ?? null;
  const model = context.seasons.get(seasonId);
  if (!model)
    throw new UserError('The season this server follows is not loaded; run /setup announcements again.');
  const available = classesWithStandings(model).filter((id) => offered.includes(id));
  const wanted = readString(options, 'class');
  if (wanted && !available.includes(wanted))
    throw new UserError(
      `${safe(model.name)} has no table for the class ${quoteInput(wanted)} yet.`,
      available,
    );
  const classes = wanted ? [wanted] : available;
  if (classes.length === 0) throw new UserError(`${safe(model.name)} has no standings table yet.`);
  const ledger = new LivePostLedger(services.store);
  const since = context.now().toISOString();
  const lines: SafeText[] = [];
  for (const classId of classes) {
    const existing = await ledger.get(guildId, classId);
    const name = safe(plainClassName(model, classId));
    if (
      existing &&
      existing.channelId === channelId &&
      (existing.state === 'posted' || existing.state === 'pending' || existing.state === 'new')
    ) {
      lines.push(md`${name}: already kept up to date in ${channelLink(channelId)}.`);
      continue;
    }
    const entry: LivePost = {
      guildId,
      classId,
      seasonId,
      channelId,
      since,
      state: 'new',
      nonce: null,
      messageId: null,
      shown: null,
      afterRound: null,
      reposts: 0,
      repostedAt: null,
      lastEditAt: null,
      checkedAt: null,
      pinned: false,
      note: null,
    };
    await ledger.put(entry);
    const moved =
      existing?.messageId && existing.channelId !== channelId
        ? md` (the post in ${channelLink(existing.channelId)} is no longer updated)`
        : literal('');
    lines.push(
      md`${name}: posted in ${channelLink(channelId)} in a moment, then edited in place after every change${moved}.`,
    );
  }
  services.refreshLiveStandings?.();
  lines.push(literal('Each post is pinned when Pitboard may pin messages there (Pin Messages permission).'));
  return buildReply({ content: joinSafe(lines, '\n'), ephemeral: true });
}

/** Lines for /setup show: where each living post is, what it shows, and whether it was deleted. */
export async function describeLiveStandings(
  services: BotServices,
  guildId: string,
  context: CommandContext,
): Promise<SafeText[]> {
  const posts = await new LivePostLedger(services.store).ofGuild(guildId);
  return posts.map((post) => {
    const model = context.seasons.get(post.seasonId);
    const name = safe(model ? plainClassName(model, post.classId) : post.classId);
    const where = channelLink(post.channelId);
    switch (post.state) {
      case 'new':
      case 'pending':
        return md`Live table ${name} in ${where}: being posted.`;
      case 'failed':
        return md`⚠️ Live table ${name} in ${where}: Discord refused it (${safe(post.note ?? '')}); fix the channel and run /setup live-standings again.`;
      case 'deleted':
        return md`⚠️ Live table ${name} in ${where}: deleted, posted again, and deleted again, so left deleted; run /setup live-standings to bring it back.`;
      default: {
        const after = post.afterRound ? md`updated after round ${post.afterRound}` : literal('posted');
        const pin = post.pinned ? literal('pinned') : literal('not pinned (no Pin Messages permission)');
        const deleted =
          post.repostedAt !== null
            ? md`; it was deleted and posted again ${discordTimestamp(new Date(post.repostedAt), 'R')}`
            : literal('');
        return md`Live table ${name} in ${where}: ${after}, ${pin}${deleted}.`;
      }
    }
  });
}
