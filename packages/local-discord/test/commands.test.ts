import {
  ChannelType,
  DiscordAPIError,
  Events,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, stopHarness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await stopHarness(h);
  h = undefined;
});

const setup = new SlashCommandBuilder()
  .setName('setup')
  .setDescription('Per-server settings')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s
      .setName('announcements')
      .setDescription('Where recaps go')
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Channel')
          .setRequired(true)
          .addChannelTypes(ChannelType.GuildText),
      ),
  )
  .addSubcommand((s) => s.setName('show').setDescription('Show settings'));

describe('application commands', () => {
  it('bulk-overwrites global and guild commands and keeps ids of unchanged names', async () => {
    h = await startHarness();
    const app = h.client.application;
    if (!app) throw new Error('no application');
    const first = await app.commands.set([setup.toJSON(), { name: 'calendar', description: 'Rounds' }]);
    expect(first.map((c) => c.name).sort()).toEqual(['calendar', 'setup']);
    const stored = h.discord.registeredCommands();
    expect(stored.find((c) => c.name === 'setup')).toMatchObject({
      application_id: h.discord.applicationId,
      type: 1,
      default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    });
    const setupId = stored.find((c) => c.name === 'setup')?.id;
    await app.commands.set([setup.toJSON(), { name: 'scoring', description: 'Points tables' }]);
    expect(h.discord.registeredCommands().map((c) => c.name)).toEqual(['setup', 'scoring']);
    expect(h.discord.registeredCommands()[0]?.id).toBe(setupId);

    const guildId = h.discord.guilds[0]?.id ?? '';
    await h.client.rest.put(Routes.applicationGuildCommands(h.discord.applicationId, guildId), {
      body: [{ name: 'recap', description: 'Recap a round' }],
    });
    expect(h.discord.registeredCommands(guildId).map((c) => c.name)).toEqual(['recap']);
    const fetched = await app.commands.fetch({ guildId });
    expect(fetched.map((c) => c.name)).toEqual(['recap']);
    expect(h.discord.unexpectedRoutes).toEqual([]);
  });

  it('rejects invalid definitions with 50035', async () => {
    h = await startHarness();
    const app = h.client.application;
    if (!app) throw new Error('no application');
    const tooManyChoices = {
      name: 'standings',
      description: 'Standings',
      options: [
        {
          type: 3,
          name: 'class',
          description: 'Class',
          choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })),
        },
      ],
    };
    const error = await app.commands
      .set([{ name: 'Standings', description: 'x' }, tooManyChoices])
      .catch((e) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50035 });
    expect(h.discord.validationFailures[0]?.problems.map((p) => `${p.path.join('.')} ${p.code}`)).toEqual([
      '0.name APPLICATION_COMMAND_INVALID_NAME',
      '1.options.0.choices BASE_TYPE_MAX_LENGTH',
    ]);
    expect(h.discord.registeredCommands()).toEqual([]);
  });

  it('delivers subcommands and resolved channel options', async () => {
    h = await startHarness();
    await h.client.application?.commands.set([setup.toJSON()]);
    const announcements = h.discord.guilds[0]?.channels.find((c) => c.name === 'announcements');
    let got: { sub: string; channel: string | undefined; canManage: boolean } | undefined;
    h.client.on(Events.InteractionCreate, (i) => {
      if (!i.isChatInputCommand()) return;
      got = {
        sub: i.options.getSubcommand(),
        channel: i.options.getChannel('channel')?.name ?? undefined,
        canManage: i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
      };
      i.reply({ content: 'saved', flags: 64 }).catch(() => {});
    });
    const injected = h.discord.injectCommand({
      name: 'setup',
      subcommand: 'announcements',
      options: { channel: announcements?.id ?? '' },
      memberPermissions: PermissionFlagsBits.ManageGuild,
    });
    await injected.final();
    expect(got).toEqual({ sub: 'announcements', channel: 'announcements', canManage: true });
  });
});
