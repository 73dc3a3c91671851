import { randomUUID } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import {
  describeLiveStandings,
  liveStandingsSubcommand,
  setUpLiveStandings,
} from '../src/announce/live-standings-setup.js';
import { createTimeline } from '../src/announce/timeline.js';
import {
  type BotServices,
  type Command,
  type CommandContext,
  type OptionValues,
  UserError,
} from '../src/core/command.js';
import { type DateTimeParse, parseDateTime } from '../src/core/date-time.js';
import { completeSeason, readString, resolveSeason } from '../src/core/options.js';
import { buildReply } from '../src/core/reply.js';
import { replyLocale } from '../src/i18n/reply-locale.js';
import { describeLanguage, languageSubcommand, setLanguage } from '../src/i18n/setup-language.js';
import { COLOURS } from '../src/replies/common.js';
import {
  bold,
  channelLink,
  discordTimestamp,
  joinSafe,
  literal,
  md,
  roleLink,
  safe,
} from '../src/replies/safe-text.js';
import { quoteInput } from '../src/replies/text.js';
import { StorageUnavailableError } from '../src/store/key-value-store.js';
import { readLastRecap } from '../src/store/ledger.js';
import { CorruptValueError, type GuildSettings } from '../src/store/settings-store.js';
import { CLASS_CHOICES } from './standings.js';

const MANAGE_GUILD = PermissionFlagsBits.ManageGuild;
const ADMINISTRATOR = PermissionFlagsBits.Administrator;

export const setup = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'setup',
    description: 'Post-race recaps for this server (Manage Server)',
    default_member_permissions: String(MANAGE_GUILD),
    contexts: [InteractionContextType.Guild],
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'announcements',
        description: 'Post a recap in this channel after every round',
        options: [
          {
            type: ApplicationCommandOptionType.Channel,
            name: 'channel',
            description: 'Where recaps go',
            required: true,
            channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
          },
          {
            type: ApplicationCommandOptionType.Role,
            name: 'role',
            description: 'A role to mention in each recap (optional)',
            required: false,
          },
          {
            type: ApplicationCommandOptionType.Integer,
            name: 'spoiler_delay',
            description: 'Hours to wait after a round ends before posting (default 0)',
            required: false,
            min_value: 0,
            max_value: 168,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'season',
            description: 'Season to announce (default: the current one)',
            required: false,
            autocomplete: true,
            max_length: 100,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'show',
        description: 'Show this server’s settings and the last recap',
      },
      { type: ApplicationCommandOptionType.Subcommand, name: 'off', description: 'Stop posting recaps' },
      liveStandingsSubcommand(CLASS_CHOICES),
      languageSubcommand,
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'replay',
        description: 'Relive the season: its first round ends at a time you choose',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'start',
            description: 'When round 1 ends: 2026-12-01T18:00Z, "in 5m", or "off"',
            required: true,
            max_length: 40,
          },
          {
            type: ApplicationCommandOptionType.Number,
            name: 'speed',
            description: 'How much faster than real time (default 1)',
            required: false,
            min_value: 1,
            max_value: 100000,
          },
        ],
      },
    ],
  },
  async execute(options, context) {
    const services = requireServices(context);
    const guildId = context.invoker.guildId as string;
    if (!hasManageGuild(context.invoker.permissions))
      throw new UserError('Only members with the Manage Server permission can change Pitboard’s settings.');
    try {
      switch (options.subcommand) {
        case 'announcements':
          return await announce(options, context, services, guildId);
        case 'show':
          return await show(context, services, guildId);
        case 'off':
          return await turnOff(context, services, guildId);
        case 'replay':
          return await replay(options, context, services, guildId);
        case 'language':
          return await setLanguage(
            options,
            context,
            services,
            (await readOrReplace(services, guildId)) ?? blank(guildId, context),
          );
        case 'live-standings':
          return await setUpLiveStandings(
            options,
            context,
            services,
            guildId,
            CLASS_CHOICES.map((c) => c.value),
          );
        default:
          throw new UserError('Use /setup announcements, /setup show, /setup off or /setup replay.');
      }
    } catch (error) {
      if (error instanceof CorruptValueError)
        throw new UserError(
          'This server’s stored settings cannot be read (they do not match the expected format). Run /setup announcements channel:#… to write them again; /setup off clears them.',
        );
      if (error instanceof StorageUnavailableError)
        throw new UserError(
          'Settings storage is unavailable right now, so nothing was changed. Please try again in a minute.',
        );
      throw error;
    }
  },
  autocomplete(focused, _options, context) {
    return focused.name === 'season' ? completeSeason(context, focused.value) : [];
  },
} as const satisfies Command;

function requireServices(context: CommandContext): BotServices {
  if (!context.invoker.guildId)
    throw new UserError('/setup works inside a server, where recaps can be posted.');
  if (!context.services)
    throw new UserError(
      'Settings need the bot running with storage; the offline CLI has none. Try `npm start`.',
    );
  return context.services;
}

export function hasManageGuild(permissions: string | null): boolean {
  if (!permissions || !/^\d+$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  return (bits & MANAGE_GUILD) !== 0n || (bits & ADMINISTRATOR) !== 0n;
}

/**
 * Current settings for a command that writes them. An unreadable stored value cannot be repaired, only
 * replaced: writing commands start from fresh settings (show reports the problem instead).
 */
async function readOrReplace(services: BotServices, guildId: string): Promise<GuildSettings | null> {
  try {
    return await services.settings.get(guildId);
  } catch (error) {
    if (error instanceof CorruptValueError) return null;
    throw error;
  }
}

function blank(guildId: string, context: CommandContext): GuildSettings {
  return {
    guildId,
    channelId: null,
    mentionRoleId: null,
    spoilerDelayHours: 0,
    replay: null,
    broken: null,
    seasonId: null,
    updatedAt: context.now().toISOString(),
    updatedBy: context.invoker.userId,
  };
}

async function announce(
  options: OptionValues,
  context: CommandContext,
  services: BotServices,
  guildId: string,
) {
  const channelId = readString(options, 'channel');
  if (!channelId || !/^\d{15,21}$/.test(channelId))
    throw new UserError(
      'Pick a text channel for the recaps, e.g. /setup announcements channel:#announcements.',
    );
  const seasonId = readString(options, 'season');
  const model = resolveSeason(context, options);
  const check = await services.checkChannel(guildId, channelId);
  if (!check.ok)
    throw new UserError(
      `I can’t post in <#${channelId}>: ${check.problem ?? 'no access'}. Fix that and run /setup announcements again; nothing was changed.`,
    );
  const roleId = readString(options, 'role');
  if (roleId !== null && !/^\d{15,21}$/.test(roleId))
    throw new UserError('role must be a role of this server, e.g. role:@Fans.');
  const delay = options.spoiler_delay === undefined ? 0 : Number(options.spoiler_delay);
  if (!Number.isInteger(delay) || delay < 0 || delay > 168)
    throw new UserError('spoiler_delay is a whole number of hours from 0 to 168.');
  const current = (await readOrReplace(services, guildId)) ?? blank(guildId, context);
  await services.settings.save({
    ...current,
    channelId,
    mentionRoleId: roleId,
    spoilerDelayHours: delay,
    seasonId: seasonId ? model.id : null,
    broken: null,
    updatedAt: context.now().toISOString(),
    updatedBy: context.invoker.userId,
  });
  const lines = [
    md`Recaps for ${bold(safe(model.name))} will be posted in ${channelLink(channelId)} after each round${delay ? md`, ${delay} h after it ends` : literal('')}.`,
    roleId
      ? md`Each recap mentions ${roleLink(roleId)} (and nobody else).`
      : literal('Recaps mention nobody.'),
    md`Rounds that ended in the last ${services.catchUpHours} hours are posted now; older ones are not.`,
  ];
  return buildReply({ content: joinSafe(lines, '\n'), ephemeral: true });
}

async function show(context: CommandContext, services: BotServices, guildId: string) {
  const loss = await services.settings.epoch.check();
  const settings = await services.settings.get(guildId);
  const last = await readLastRecap(services.store, guildId);
  if (!settings && loss)
    return buildReply({
      content: joinSafe(
        [
          md`⚠️ Pitboard’s storage lost its data (noticed ${discordTimestamp(new Date(loss.detectedAt), 'F')}): every server’s settings and the record of posted recaps are gone.`,
          literal(
            'If recaps were on for this server, they are off now: run /setup announcements channel:#… (and /setup replay, if you replayed a season) again.',
          ),
          literal('Recaps that were due before the loss are not posted again, so none arrives twice.'),
        ],
        '\n',
      ),
      ephemeral: true,
    });
  const live = await describeLiveStandings(services, guildId, context);
  if (!settings)
    return buildReply({
      content: joinSafe(
        [
          literal('Recaps are off for this server. Turn them on with /setup announcements channel:#…'),
          ...live,
        ],
        '\n',
      ),
      ephemeral: true,
    });
  const model = context.seasons.get(settings.seasonId);
  const lines = [
    settings.channelId ? md`Recaps go to ${channelLink(settings.channelId)}.` : literal('Recaps are off.'),
    md`Season: ${model ? safe(model.name) : md`${quoteInput(settings.seasonId ?? '')} (not loaded)`}`,
    md`Mention: ${settings.mentionRoleId ? roleLink(settings.mentionRoleId) : literal('nobody')} · spoiler delay: ${settings.spoilerDelayHours} h`,
    settings.replay
      ? md`Replay: round 1 ends ${discordTimestamp(new Date(settings.replay.anchor), 'F')}, ${settings.replay.speed}× speed.`
      : literal('Replay: off (real dates).'),
    last
      ? md`Last recap: round ${last.round} of ${safe(last.seasonId)} in ${channelLink(last.channelId)}, ${discordTimestamp(new Date(last.at), 'R')}.`
      : literal('Last recap: none yet.'),
  ];
  if (settings.broken)
    lines.push(
      md`⚠️ Problem: Discord refused a recap (${settings.broken.code ?? literal('no code')}: ${safe(settings.broken.reason)}) ${discordTimestamp(new Date(settings.broken.at), 'R')}. Recaps are paused; fix the channel’s permissions and run /setup announcements again.`,
    );
  lines.push(describeLanguage(settings, replyLocale(context.invoker)), ...live);
  if (model && settings.replay) {
    const timeline = createTimeline(model, settings.replay);
    const next = model.rounds.find((r) => timeline.roundEndReal(r).getTime() > context.now().getTime());
    if (next)
      lines.push(
        md`Next replayed round: ${next.round} (${safe(next.short_name)}) ends ${discordTimestamp(timeline.roundEndReal(next), 'R')}.`,
      );
  }
  return buildReply({
    embeds: [
      { title: literal('Pitboard settings'), description: joinSafe(lines, '\n'), color: COLOURS.scoring },
    ],
    ephemeral: true,
  });
}

async function turnOff(context: CommandContext, services: BotServices, guildId: string) {
  const current = await readOrReplace(services, guildId);
  if (!current || current.channelId === null)
    return buildReply({ content: literal('Recaps were already off.'), ephemeral: true });
  await services.settings.save({
    ...current,
    channelId: null,
    broken: null,
    updatedAt: context.now().toISOString(),
    updatedBy: context.invoker.userId,
  });
  return buildReply({ content: literal('Recaps are off. Nothing more will be posted.'), ephemeral: true });
}

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

async function replay(
  options: OptionValues,
  context: CommandContext,
  services: BotServices,
  guildId: string,
) {
  const start = readString(options, 'start') ?? '';
  const current = (await readOrReplace(services, guildId)) ?? blank(guildId, context);
  if (start.toLowerCase() === 'off') {
    await services.settings.save({
      ...current,
      replay: null,
      updatedAt: context.now().toISOString(),
      updatedBy: context.invoker.userId,
    });
    return buildReply({
      content: literal('Replay is off: dates and recaps follow the real calendar.'),
      ephemeral: true,
    });
  }
  const parsed = parseReplayStart(start, context.now());
  if (!parsed.ok)
    throw new UserError(
      parsed.reason === 'impossible'
        ? `${parsed.problem}.`
        : `${quoteInput(start)} is not a time. Use 2026-12-01, 2026-12-01T18:00Z, "in 5m" or "off".`,
    );
  const anchor = parsed.date;
  const speed = options.speed === undefined ? 1 : Number(options.speed);
  if (!Number.isFinite(speed) || speed < 1 || speed > 100_000)
    throw new UserError('speed is a number from 1 to 100000.');
  await services.settings.save({
    ...current,
    // A new run each time: the previous run's recaps do not stop this one's (a second replay posts again).
    replay: { anchor: anchor.toISOString(), speed, run: randomUUID() },
    updatedAt: context.now().toISOString(),
    updatedBy: context.invoker.userId,
  });
  const model = context.seasons.get(current.seasonId) ?? context.seasons.defaultSeason();
  const timeline = createTimeline(model, { anchor: anchor.toISOString(), speed });
  const schedule = model.rounds.map(
    (r) => md`R${r.round} ${safe(r.short_name)}: ${discordTimestamp(timeline.roundEndReal(r), 'f')}`,
  );
  const channel = current.channelId
    ? md`Recaps will be posted in ${channelLink(current.channelId)} as each round ends.`
    : literal('Set a channel with /setup announcements to receive the recaps.');
  return buildReply({
    content: joinSafe(
      [md`Replaying ${bold(safe(model.name))} at ${speed}× speed:`, ...schedule, channel],
      '\n',
    ),
    ephemeral: true,
  });
}
