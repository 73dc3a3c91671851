import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  InteractionContextType,
} from 'discord-api-types/v10';
import { liveStandingsSubcommand, setUpLiveStandings } from '../src/announce/live-standings-setup.js';
import { type Command, UserError } from '../src/core/command.js';
import { completeSeason } from '../src/core/options.js';
import { t } from '../src/i18n/catalogue.js';
import { languageSubcommand, setLanguage } from '../src/i18n/setup-language.js';
import { setUpAnnouncements, turnOffAnnouncements } from '../src/setup/announcements.js';
import {
  hasManageGuild,
  MANAGE_GUILD,
  requireServices,
  settingsToWrite,
  storageProblemAsUserError,
} from '../src/setup/guild-settings.js';
import { setUpReplay } from '../src/setup/replay.js';
import { showSettings } from '../src/setup/show.js';
import { CLASS_CHOICES } from './standings.js';

export { hasManageGuild } from '../src/setup/guild-settings.js';
export { parseReplayStart } from '../src/setup/replay.js';

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
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'off',
        description: 'Stop posting recaps and updating the living tables',
      },
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
      throw new UserError((locale) => t(locale, 'replies.settings.manageServerOnly'));
    try {
      switch (options.subcommand) {
        case 'announcements':
          return await setUpAnnouncements(options, context, services, guildId);
        case 'show':
          return await showSettings(context, services, guildId);
        case 'off':
          return await turnOffAnnouncements(context, services, guildId);
        case 'replay':
          return await setUpReplay(options, context, services, guildId);
        case 'language':
          return await setLanguage(
            options,
            context,
            services,
            await settingsToWrite(services, guildId, context),
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
          throw new UserError((locale) => t(locale, 'replies.settings.unknownSubcommand'));
      }
    } catch (error) {
      throw storageProblemAsUserError(error);
    }
  },
  autocomplete(focused, _options, context) {
    return focused.name === 'season' ? completeSeason(context, focused.value) : [];
  },
} as const satisfies Command;
