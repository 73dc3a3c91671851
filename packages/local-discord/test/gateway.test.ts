import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalDiscord, startLocalDiscord } from '../src/index.js';
import { type Harness, startHarness, stopHarness, waitForEvent } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await stopHarness(h);
  h = undefined;
});

function answerPings(harness: Harness): void {
  harness.client.on(Events.InteractionCreate, (i: Interaction) => {
    if (i.isChatInputCommand()) i.reply({ content: 'pong' }).catch(() => {});
  });
}

describe('gateway', () => {
  it('logs in and receives every guild with channels, roles and the bot member', async () => {
    h = await startHarness({
      guilds: [{ name: 'Blancpain Fans', channels: ['general', 'announcements'] }, { name: 'Team HTP' }],
    });
    const { client, discord } = h;
    expect(client.user?.id).toBe(discord.botUserId);
    expect(client.application?.id).toBe(discord.applicationId);
    expect(client.guilds.cache.map((g) => g.name).sort()).toEqual(['Blancpain Fans', 'Team HTP']);
    const guild = client.guilds.cache.find((g) => g.name === 'Blancpain Fans');
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(['announcements', 'general']);
    expect(guild?.roles.everyone.id).toBe(guild?.id);
    expect(guild?.members.me?.id).toBe(discord.botUserId);
    expect(discord.stats.gateway.identifies).toBe(1);
    expect(discord.unexpectedRoutes).toEqual([]);
  });

  it('rejects a wrong token on GET /gateway/bot', async () => {
    const discord: LocalDiscord = await startLocalDiscord();
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: discord.restUrl, retries: 0 },
    });
    try {
      await expect(client.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
      expect(discord.journal.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
        'GET /gateway/bot 401',
      ]);
    } finally {
      await client.destroy();
      await discord.close();
    }
  });

  it('handles 2,500 guilds', async () => {
    h = await startHarness({ guilds: 2500 });
    expect(h.client.guilds.cache.size).toBe(2500);
    expect(new Set(h.discord.guilds.flatMap((g) => g.channels.map((c) => c.id))).size).toBe(5000);
  });

  it('resumes after dropped heartbeat ACKs and keeps answering interactions', async () => {
    h = await startHarness();
    answerPings(h);
    const resumed = waitForEvent(h.client, Events.ShardResume);
    h.discord.faults.dropHeartbeatAcks(1);
    await resumed;
    expect(h.discord.stats.gateway).toMatchObject({ acksDropped: 1, resumes: 1, identifies: 1 });
    const final = await h.discord.injectCommand({ name: 'ping' }).final();
    expect(final.content).toBe('pong');
  });

  it('reconnects and resumes on op 7, replaying what was dispatched meanwhile', async () => {
    h = await startHarness();
    answerPings(h);
    const closed = h.discord.waitForGateway('close');
    h.discord.faults.sendReconnect();
    await closed;
    // Dispatched while the client is away: kept for the RESUME replay.
    const injected = h.discord.injectCommand({ name: 'ping' });
    const resume = await h.discord.waitForGateway('resume');
    expect(resume.replayed).toBe(1);
    expect((await injected.final()).content).toBe('pong');
    expect(h.discord.stats.gateway.identifies).toBe(1);
  });

  it('resumes after a close with a resumable code', async () => {
    h = await startHarness();
    answerPings(h);
    const resumed = waitForEvent(h.client, Events.ShardResume);
    h.discord.faults.closeGateway(4000);
    await resumed;
    expect((await h.discord.injectCommand({ name: 'ping' }).final()).content).toBe('pong');
  });

  it('identifies anew after an invalid session', async () => {
    h = await startHarness();
    answerPings(h);
    const identified = h.discord.waitForGateway('ready', 15_000);
    h.discord.faults.invalidateSession(false);
    await identified;
    // discord.js waits for its identify throttle (up to ~6.5 s) before identifying again.
    expect(h.discord.stats.gateway.identifies).toBe(2);
    await expect.poll(() => h?.client.ws.status, { timeout: 5000 }).toBe(0);
    expect((await h.discord.injectCommand({ name: 'ping' }).final()).content).toBe('pong');
  }, 20_000);

  it('announces a guild added while connected', async () => {
    h = await startHarness();
    const created = waitForEvent<[{ name: string }]>(h.client, Events.GuildCreate);
    h.discord.addGuild({ name: 'Late Joiners' });
    const [guild] = await created;
    expect(guild.name).toBe('Late Joiners');
    const removed = waitForEvent<[{ id: string }]>(h.client, Events.GuildDelete);
    const id = h.discord.guilds.find((g) => g.name === 'Late Joiners')?.id;
    h.discord.removeGuild(id ?? '');
    expect((await removed)[0].id).toBe(id);
  });
});
