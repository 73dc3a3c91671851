import {
  type ChatInputCommandInteraction,
  DiscordAPIError,
  Events,
  type Interaction,
  MessageFlags,
  Routes,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, ONE_PIXEL_PNG, startHarness, stopHarness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await stopHarness(h);
  h = undefined;
});

const COMMANDS = [
  {
    name: 'standings',
    description: 'Championship standings',
    options: [
      {
        type: 3,
        name: 'class',
        description: 'Class',
        required: true,
        choices: [
          { name: 'Pro Cup', value: 'pro' },
          { name: 'Pro-Am', value: 'pro-am' },
        ],
      },
      { type: 4, name: 'season', description: 'Season', required: false },
    ],
  },
  {
    name: 'driver',
    description: 'One driver',
    options: [{ type: 3, name: 'name', description: 'Driver name', required: true, autocomplete: true }],
  },
];

/** Starts a harness with the test commands registered and `handler` answering interactions. */
async function withBot(
  handler: (interaction: Interaction) => Promise<unknown>,
  options = {},
): Promise<Harness> {
  const harness = await startHarness(options);
  await harness.client.application?.commands.set(COMMANDS);
  harness.client.on(Events.InteractionCreate, (interaction) => {
    handler(interaction).catch(() => {});
  });
  return harness;
}

describe('slash commands', () => {
  it('builds the interaction from the registered command and takes a reply', async () => {
    let seen: ChatInputCommandInteraction | undefined;
    h = await withBot(async (i) => {
      if (!i.isChatInputCommand()) return;
      seen = i;
      await i.reply({
        content: `standings ${i.options.getString('class')} ${i.options.getInteger('season')}`,
      });
    });
    const injected = h.discord.injectCommand({
      name: 'standings',
      options: { class: 'pro', season: 2013 },
    });
    const response = await injected.response();
    expect(response.type).toBe(4);
    const final = await injected.final();
    expect(final).toMatchObject({ content: 'standings pro 2013', type: 20, flags: 0 });
    expect(final.interaction_metadata).toMatchObject({ id: injected.id, type: 2 });
    expect(seen?.commandId).toBe(h.discord.registeredCommands().find((c) => c.name === 'standings')?.id);
    expect(seen?.guildId).toBe(h.discord.guilds[0]?.id);
    expect(h.discord.messages(h.discord.guilds[0]?.channels[0]?.id)).toHaveLength(1);
    expect(h.discord.unexpectedRoutes).toEqual([]);
    expect(h.discord.validationFailures).toEqual([]);
  });

  it('refuses injections that do not fit the registered command', async () => {
    h = await withBot(async () => {});
    const inject = (options: Record<string, string | number>) =>
      h?.discord.injectCommand({ name: 'standings', options });
    expect(() => inject({ class: 'gt3' })).toThrow(/not a choice/);
    expect(() => inject({})).toThrow(/required option "class"/);
    expect(() => inject({ class: 'pro', nope: 1 })).toThrow(/no option "nope"/);
    // Unregistered commands go out as given, with a synthetic command id.
    const loose = h.discord.injectCommand({ name: 'unregistered', options: { anything: 1.5 } });
    expect(loose.payload.data).toMatchObject({
      name: 'unregistered',
      options: [{ name: 'anything', type: 10, value: 1.5 }],
    });
  });

  it('delivers commands used in a DM', async () => {
    let where: { guild: string | null; dm: boolean } | undefined;
    h = await withBot(async (i) => {
      if (!i.isChatInputCommand()) return;
      where = { guild: i.guildId, dm: !i.inGuild() && i.user.id === h?.discord.defaultUserId };
      await i.reply('hi');
    });
    const final = await h.discord
      .injectCommand({ name: 'standings', guildId: null, options: { class: 'pro' } })
      .final();
    expect(final.content).toBe('hi');
    expect(where).toEqual({ guild: null, dm: true });
  });

  it('takes an ephemeral reply', async () => {
    h = await withBot(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'only you', flags: MessageFlags.Ephemeral });
    });
    const final = await h.discord.injectCommand({ name: 'standings', options: { class: 'pro' } }).final();
    expect(final.flags).toBe(MessageFlags.Ephemeral);
  });

  it('defers, then edits the reply, then follows up', async () => {
    h = await withBot(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await new Promise((r) => setTimeout(r, 20));
      await i.editReply({ content: 'done', embeds: [{ title: 'Pro Cup', description: 'table' }] });
      await i.followUp({ content: 'and more', flags: MessageFlags.Ephemeral });
    });
    const injected = h.discord.injectCommand({ name: 'standings', options: { class: 'pro' } });
    expect((await injected.response()).type).toBe(5);
    const final = await injected.final();
    expect(final.content).toBe('done');
    expect(final.flags).toBe(0); // the loading flag is gone once edited
    expect(final.edited_timestamp).not.toBeNull();
    expect(final.embeds).toEqual([{ type: 'rich', title: 'Pro Cup', description: 'table' }]);
    await expect.poll(() => injected.followUps.length).toBe(1);
    expect(injected.followUps[0]).toMatchObject({ content: 'and more', flags: MessageFlags.Ephemeral });
    expect(injected.original?.content).toBe('done');
  });

  it('turns the first follow-up after a deferral into the reply, keeping its visibility', async () => {
    h = await withBot(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.followUp({ content: 'first' });
      await i.followUp({ content: 'second' });
    });
    const injected = h.discord.injectCommand({ name: 'standings', options: { class: 'pro' } });
    const final = await injected.final();
    expect(final).toMatchObject({ content: 'first', flags: MessageFlags.Ephemeral });
    await expect.poll(() => injected.followUps.length).toBe(1);
    expect(injected.followUps[0]).toMatchObject({ content: 'second', flags: 0 });
  });

  it('replies with an attachment and with_response', async () => {
    let resourceMessageId: string | undefined;
    h = await withBot(async (i) => {
      if (!i.isChatInputCommand()) return;
      const response = await i.reply({
        files: [{ attachment: ONE_PIXEL_PNG, name: 'table.png' }],
        withResponse: true,
      });
      resourceMessageId = response.resource?.message?.id;
    });
    const injected = h.discord.injectCommand({ name: 'standings', options: { class: 'pro' } });
    const final = await injected.final();
    expect(final.attachments).toMatchObject([
      { filename: 'table.png', content_type: 'image/png', size: ONE_PIXEL_PNG.length },
    ]);
    await expect.poll(() => resourceMessageId).toBe(final.id);
    expect((await injected.response()).files).toEqual([
      { filename: 'table.png', size: ONE_PIXEL_PNG.length, contentType: 'image/png' },
    ]);
  });

  it('answers 10062 to a reply after the deadline', async () => {
    let error: unknown;
    h = await withBot(
      async (i) => {
        if (!i.isChatInputCommand()) return;
        await new Promise((r) => setTimeout(r, 400));
        await i.reply('too late').catch((e: unknown) => {
          error = e;
        });
      },
      { interactionDeadlineMs: 200 },
    );
    const injected = h.discord.injectCommand({ name: 'standings', options: { class: 'pro' } });
    await expect(injected.response()).rejects.toThrow(/no initial response within 200 ms/);
    await expect.poll(() => error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 10062, status: 404 });
    expect(injected.rejectedCallbacks).toMatchObject([{ code: 10062 }]);
  });

  it('answers 40060 to a second initial response', async () => {
    let error: unknown;
    h = await withBot(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply('first');
      // discord.js refuses a second reply itself, so send the raw callback.
      await i.client.rest
        .post(Routes.interactionCallback(i.id, i.token), {
          body: { type: 4, data: { content: 'second' } },
          auth: false,
        })
        .catch((e: unknown) => {
          error = e;
        });
    });
    const injected = h.discord.injectCommand({ name: 'standings', options: { class: 'pro' } });
    expect((await injected.final()).content).toBe('first');
    await expect.poll(() => error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 40060, status: 400 });
  });

  it('rejects invalid reply bodies with 50035 and lets the bot retry within the deadline', async () => {
    const errors: unknown[] = [];
    h = await withBot(async (i) => {
      if (!i.isChatInputCommand()) return;
      const huge = Array.from({ length: 2 }, () => ({ description: 'x'.repeat(3001) }));
      await i.reply({ embeds: huge }).catch((e: unknown) => errors.push(e));
      await i.reply({ content: 'y'.repeat(2001) }).catch((e: unknown) => errors.push(e));
      await i.reply({ content: 'fits' });
    });
    const final = await h.discord.injectCommand({ name: 'standings', options: { class: 'pro' } }).final();
    expect(final.content).toBe('fits');
    expect(errors).toHaveLength(2);
    for (const e of errors) expect(e).toMatchObject({ code: 50035, status: 400 });
    expect((errors[0] as DiscordAPIError).rawError).toMatchObject({
      errors: { data: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } } },
    });
    expect(h.discord.validationFailures.map((f) => f.problems.map((p) => p.path.join('.')))).toEqual([
      ['data.embeds'],
      ['data.content'],
    ]);
  });
});

describe('autocomplete', () => {
  it('delivers the focused option and takes the choices', async () => {
    let focused: { name: string; value: string } | undefined;
    h = await withBot(async (i) => {
      if (!i.isAutocomplete()) return;
      focused = i.options.getFocused(true) as { name: string; value: string };
      await i.respond([{ name: 'Maximilian Buhk', value: 'maximilian-buhk' }]);
    });
    const injected = h.discord.injectAutocomplete({
      name: 'driver',
      focused: 'name',
      options: { name: 'bu' },
    });
    const final = await injected.final();
    expect(final).toEqual({ choices: [{ name: 'Maximilian Buhk', value: 'maximilian-buhk' }] });
    expect(focused).toMatchObject({ name: 'name', value: 'bu' });
    expect((await injected.response()).type).toBe(8);
  });

  it('rejects 26 choices with 50035', async () => {
    let error: unknown;
    h = await withBot(
      async (i) => {
        if (!i.isAutocomplete()) return;
        const choices = Array.from({ length: 26 }, (_, n) => ({ name: `Driver ${n}`, value: `d${n}` }));
        await i.respond(choices).catch((e: unknown) => {
          error = e;
        });
      },
      { interactionDeadlineMs: 500 },
    );
    const injected = h.discord.injectAutocomplete({ name: 'driver', focused: 'name' });
    await expect.poll(() => error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50035 });
    expect(h.discord.validationFailures[0]?.problems).toMatchObject([
      { path: ['data', 'choices'], code: 'BASE_TYPE_MAX_LENGTH' },
    ]);
    await expect(injected.response()).rejects.toThrow(/no initial response/);
  });
});

describe('components', () => {
  it('updates the message a button sits on', async () => {
    h = await withBot(async (i) => {
      if (i.isButton()) await i.update({ content: `clicked ${i.customId}`, components: [] });
    });
    const injected = h.discord.injectButton({ customId: 'standings:page:2' });
    const final = await injected.final();
    expect(final).toMatchObject({ content: 'clicked standings:page:2', components: [] });
    expect((await injected.response()).type).toBe(7);
    expect(h.discord.message(String(final.id))?.content).toBe('clicked standings:page:2');
  });
});
