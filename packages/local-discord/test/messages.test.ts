import { AttachmentBuilder, ChannelType, DiscordAPIError, type TextChannel } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, ONE_PIXEL_PNG, startHarness, stopHarness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await stopHarness(h);
  h = undefined;
});

async function textChannel(harness: Harness, name: string): Promise<TextChannel> {
  const guild = harness.discord.guilds[0];
  const info = guild?.channels.find((c) => c.name === name);
  if (!info) throw new Error(`no channel ${name}`);
  const channel = await harness.client.channels.fetch(info.id);
  if (channel?.type !== ChannelType.GuildText) throw new Error('not a text channel');
  return channel;
}

describe('channel messages', () => {
  it('creates a full message object and stores it', async () => {
    h = await startHarness();
    const channel = await textChannel(h, 'announcements');
    const sent = await channel.send({ content: 'Round 3 recap', allowedMentions: { parse: [] } });
    expect(sent.id).toMatch(/^\d{17,19}$/);
    expect(sent.author.id).toBe(h.discord.botUserId);
    expect(sent.channelId).toBe(channel.id);
    const stored = h.discord.messages(channel.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      content: 'Round 3 recap',
      type: 0,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      edited_timestamp: null,
      embeds: [],
      attachments: [],
      components: [],
    });
    expect(h.discord.unexpectedRoutes).toEqual([]);
  });

  it('reports who would be pinged', async () => {
    h = await startHarness();
    const channel = await textChannel(h, 'general');
    await channel.send({ content: 'team @everyone' });
    await channel.send({ content: 'team @everyone', allowedMentions: { parse: [] } });
    const [loud, quiet] = h.discord.messages(channel.id);
    expect(loud?.mention_everyone).toBe(true);
    expect(quiet?.mention_everyone).toBe(false);
  });

  it('answers 404 10003 for an unknown channel and 403 50013 / 50001 without permission', async () => {
    h = await startHarness({
      guilds: [
        {
          channels: [
            'general',
            { name: 'read-only', botCanSend: false },
            { name: 'hidden', botCanView: false },
            { name: 'deleted', exists: false },
          ],
        },
      ],
    });
    const guild = h.discord.guilds[0];
    const id = (name: string) => guild?.channels.find((c) => c.name === name)?.id ?? '';
    const post = (channelId: string) =>
      h?.client.rest.post(`/channels/${channelId}/messages`, { body: { content: 'x' } });
    await expect(post(id('deleted'))).rejects.toMatchObject({ status: 404, code: 10003 });
    await expect(post(id('read-only'))).rejects.toMatchObject({ status: 403, code: 50013 });
    await expect(post(id('hidden'))).rejects.toMatchObject({ status: 403, code: 50001 });
    // discord.js computes the same permissions from GUILD_CREATE as the server enforces.
    const readOnly = h.client.channels.cache.get(id('read-only')) as TextChannel;
    const me = readOnly.guild.members.me;
    if (!me) throw new Error('no bot member');
    expect(readOnly.permissionsFor(me).has('SendMessages')).toBe(false);
    expect(readOnly.permissionsFor(me).has('ViewChannel')).toBe(true);
    expect(
      (h.client.channels.cache.get(id('general')) as TextChannel).permissionsFor(me).has('SendMessages'),
    ).toBe(true);
    expect(h.client.channels.cache.has(id('deleted'))).toBe(false);
  });

  it('dedupes a repeated nonce with enforce_nonce', async () => {
    h = await startHarness();
    const channel = await textChannel(h, 'announcements');
    const first = await channel.send({ content: 'recap', nonce: 's2013-r3-g1-c1', enforceNonce: true });
    const second = await channel.send({ content: 'recap', nonce: 's2013-r3-g1-c1', enforceNonce: true });
    expect(second.id).toBe(first.id);
    expect(h.discord.messages(channel.id)).toHaveLength(1);
    // Without enforce_nonce the nonce is only echoed.
    await channel.send({ content: 'recap', nonce: 'plain-nonce' });
    await channel.send({ content: 'recap', nonce: 'plain-nonce' });
    expect(h.discord.messages(channel.id)).toHaveLength(3);
  });

  it('a lost response makes the client retry: one message with a nonce, two without', async () => {
    h = await startHarness();
    const channel = await textChannel(h, 'announcements');
    h.discord.faults.loseResponse('/channels/:channelId/messages', { method: 'POST' });
    const sent = await channel.send({ content: 'with nonce', nonce: 'n-1', enforceNonce: true });
    expect(h.discord.messages(channel.id).map((m) => m.id)).toEqual([sent.id]);
    expect(h.discord.journal.filter((e) => e.method === 'POST').map((e) => e.status)).toEqual([0, 200]);

    h.discord.faults.loseResponse('/channels/:channelId/messages', { method: 'POST', mode: 'reset' });
    await channel.send({ content: 'without nonce' });
    const contents = h.discord.messages(channel.id).map((m) => m.content);
    expect(contents).toEqual(['with nonce', 'without nonce', 'without nonce']);
  });

  it('accepts a multipart PNG upload and stores the attachment', async () => {
    h = await startHarness();
    const channel = await textChannel(h, 'announcements');
    const file = new AttachmentBuilder(ONE_PIXEL_PNG, {
      name: 'standings.png',
      description: 'Pro Cup table',
    });
    const sent = await channel.send({
      embeds: [{ title: 'Pro Cup', image: { url: 'attachment://standings.png' } }],
      files: [file],
    });
    const attachment = sent.attachments.first();
    expect(attachment?.name).toBe('standings.png');
    expect(attachment?.size).toBe(ONE_PIXEL_PNG.length);
    expect(attachment?.contentType).toBe('image/png');
    expect(attachment?.width).toBe(1);
    expect(sent.embeds[0]?.image?.url).toBe(attachment?.url);
    const stored = h.discord.attachment(attachment?.id ?? '');
    expect(stored?.data.equals(ONE_PIXEL_PNG)).toBe(true);
    const entry = h.discord.journal.find((e) => e.method === 'POST');
    expect(entry?.files).toEqual([
      { field: 'files[0]', filename: 'standings.png', size: ONE_PIXEL_PNG.length, contentType: 'image/png' },
    ]);
    expect(h.discord.validationFailures).toEqual([]);
  });

  it('rejects content over 2000 characters with 50035 and an empty message with 50006', async () => {
    h = await startHarness();
    const channel = await textChannel(h, 'general');
    const error = await channel.send({ content: 'x'.repeat(2001) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50035, status: 400 });
    expect((error as DiscordAPIError).message).toContain('content');
    await expect(h.client.rest.post(`/channels/${channel.id}/messages`, { body: {} })).rejects.toMatchObject({
      code: 50006,
    });
    expect(h.discord.validationFailures.map((f) => f.problems[0]?.code)).toEqual([
      'BASE_TYPE_MAX_LENGTH',
      'MESSAGE_EMPTY',
    ]);
    expect(h.discord.messages(channel.id)).toHaveLength(0);
  });

  it('forgets history on clearHistory, keeping guilds and commands', async () => {
    h = await startHarness();
    const channel = await textChannel(h, 'general');
    await channel.send('old');
    const stale = h.discord.injectCommand({ name: 'anything' });
    h.discord.clearHistory();
    expect(h.discord.messages()).toEqual([]);
    expect(h.discord.journal).toEqual([]);
    expect(h.discord.interaction(stale.id)).toBeUndefined();
    await expect(
      h.client.rest.post(`/interactions/${stale.id}/${stale.token}/callback`, {
        body: { type: 4, data: { content: 'late' } },
        auth: false,
      }),
    ).rejects.toMatchObject({ code: 10062 });
    await channel.send('new');
    expect(h.discord.messages(channel.id).map((m) => m.content)).toEqual(['new']);
  });
});
