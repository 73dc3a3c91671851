/**
 * /calendar reads the server's settings (a replay moves the dates): from the recent read without waiting,
 * from storage otherwise, and with a note when storage is unavailable. A warm /calendar must not await:
 * its handler then settles before any deadline timer is set (runWithDeadline).
 */
import { describe, expect, test } from 'vitest';
import { calendar } from '../../commands/calendar.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { BotServices, CommandContext, Reply } from '../../src/core/command.js';
import { type Clock, runWithDeadline } from '../../src/discord/clock.js';
import { StorageUnavailableError } from '../../src/store/key-value-store.js';
import type { GuildSettings } from '../../src/store/settings-store.js';

const app = createAppContext();
const GUILD = '100000000000000001';
const NOW = new Date('2026-12-02T12:00:00Z');

function replaying(anchor: string): GuildSettings {
  return {
    guildId: GUILD,
    channelId: null,
    mentionRoleId: null,
    spoilerDelayHours: 0,
    replay: { anchor, speed: 1 },
    broken: null,
    seasonId: null,
    updatedAt: NOW.toISOString(),
    updatedBy: null,
  };
}

function contextWith(settings: {
  peekRecent(guildId: string): GuildSettings | null | undefined;
  getRecent(guildId: string): Promise<GuildSettings | null>;
}): CommandContext {
  const services = { settings } as unknown as BotServices;
  return {
    ...app.makeContext({ guildId: GUILD, channelId: '2', userId: '3', permissions: null }),
    now: () => NOW,
    services,
  };
}

const text = (reply: Reply) => JSON.stringify(reply.data);
const countingClock = () => {
  let set = 0;
  const clock: Clock = {
    setTimeout: () => ++set,
    clearTimeout: () => undefined,
  };
  return { clock, set: () => set };
};

describe('/calendar and the server settings', () => {
  const anchor = '2026-11-01T12:00:00.000Z';
  const anchorSeconds = Date.parse(anchor) / 1000;

  test('settings read recently: the replayed dates, and no deadline timer (nothing awaited)', async () => {
    const c = countingClock();
    const context = contextWith({
      peekRecent: () => replaying(anchor),
      getRecent: () => Promise.reject(new Error('must not be read again')),
    });
    const reply = await runWithDeadline(
      () => calendar.execute({ text: true }, context),
      2000,
      async () => undefined,
      c.clock,
    );
    expect(text(reply)).toContain(`<t:${anchorSeconds}:`);
    expect(c.set()).toBe(0);
  });

  test('settings not read recently: read from storage, the same replayed dates', async () => {
    const context = contextWith({ peekRecent: () => undefined, getRecent: async () => replaying(anchor) });
    expect(text(await calendar.execute({ text: true }, context))).toContain(`<t:${anchorSeconds}:`);
  });

  test('storage unavailable: the real calendar, with a note saying so', async () => {
    const context = contextWith({
      peekRecent: () => undefined,
      getRecent: () => Promise.reject(new StorageUnavailableError('down')),
    });
    const reply = await calendar.execute({ text: true }, context);
    expect(reply.data.content).toBeTruthy();
    expect(text(reply)).not.toContain(`<t:${anchorSeconds}:`);
  });

  test('any other storage failure is not hidden', async () => {
    const context = contextWith({
      peekRecent: () => undefined,
      getRecent: () => Promise.reject(new Error('bug')),
    });
    await expect(calendar.execute({ text: true }, context)).rejects.toThrow('bug');
  });
});
