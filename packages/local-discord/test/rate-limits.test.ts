import { ChannelType, Events, RESTEvents, type TextChannel } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, stopHarness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await stopHarness(h);
  h = undefined;
});

async function announcements(harness: Harness): Promise<TextChannel> {
  const id = harness.discord.guilds[0]?.channels.find((c) => c.name === 'announcements')?.id ?? '';
  const channel = await harness.client.channels.fetch(id);
  if (channel?.type !== ChannelType.GuildText) throw new Error('not a text channel');
  return channel;
}

describe('rate limits', () => {
  it('a per-route 429 with Retry-After makes the client wait and succeed', async () => {
    h = await startHarness();
    const channel = await announcements(h);
    const limited: unknown[] = [];
    h.client.rest.on(RESTEvents.RateLimited, (info) => limited.push(info));
    h.discord.faults.rateLimit('/channels/:channelId/messages', 300, { method: 'POST' });
    const started = Date.now();
    await channel.send('after the wait');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    const posts = h.discord.journal.filter((e) => e.method === 'POST');
    expect(posts.map((e) => e.status)).toEqual([429, 200]);
    expect(h.discord.messages(channel.id)).toHaveLength(1);
  });

  it('a global 429 blocks the client for Retry-After', async () => {
    h = await startHarness();
    const channel = await announcements(h);
    h.discord.faults.rateLimit('/channels/:channelId/messages', 300, { method: 'POST', global: true });
    const started = Date.now();
    await channel.send('after the global wait');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(h.discord.journal.filter((e) => e.method === 'POST').map((e) => e.status)).toEqual([429, 200]);
  });

  it('announces buckets with X-RateLimit-* headers, which the client respects without a 429', async () => {
    h = await startHarness({
      rateLimits: { buckets: [{ route: 'POST /channels/:channelId/messages', limit: 2, windowMs: 400 }] },
    });
    const channel = await announcements(h);
    const started = Date.now();
    await Promise.all([1, 2, 3, 4, 5].map((n) => channel.send(`message ${n}`)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
    const posts = h.discord.journal.filter((e) => e.method === 'POST');
    expect(posts.map((e) => e.status)).toEqual([200, 200, 200, 200, 200]);
    expect(h.discord.messages(channel.id).map((m) => m.content)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `message ${n}`),
    );
  });

  it('answers 429 past the global budget, exempting interaction callbacks', async () => {
    h = await startHarness({ rateLimits: { globalPerSecond: 3, buckets: [] } });
    const channel = await announcements(h);
    // Bypass discord.js's own global limiter by asking the raw REST with a higher budget.
    h.client.rest.options.globalRequestsPerSecond = 100;
    const started = Date.now();
    await Promise.all([1, 2, 3, 4, 5].map((n) => channel.send(`m${n}`)));
    const statuses = h.discord.journal.filter((e) => e.method === 'POST').map((e) => e.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(Date.now() - started).toBeGreaterThan(500);

    h.client.on(Events.InteractionCreate, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.editReply('edited');
      await i.followUp('more');
      await i.followUp('and more');
    });
    const before = h.discord.journal.length;
    const injected = h.discord.injectCommand({ name: 'ping' });
    await injected.final();
    await expect.poll(() => injected.followUps.length).toBe(2);
    expect(h.discord.journal.slice(before).map((e) => e.status)).toEqual([204, 200, 200, 200]);
  });

  it('retries a 5xx', async () => {
    h = await startHarness();
    const channel = await announcements(h);
    h.discord.faults.serverError('/channels/:channelId/messages', { status: 502 });
    await channel.send('eventually');
    expect(h.discord.journal.filter((e) => e.method === 'POST').map((e) => e.status)).toEqual([502, 200]);
  });

  it('records unknown routes', async () => {
    h = await startHarness();
    await expect(h.client.rest.get('/guilds/1/bans')).rejects.toMatchObject({ status: 404 });
    expect(h.discord.unexpectedRoutes).toMatchObject([{ method: 'GET', path: '/guilds/1/bans' }]);
  });
});
