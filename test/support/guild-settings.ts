import type { GuildSettings } from '../../src/store/settings-store.js';

/** A server's stored settings as /setup leaves them with nothing chosen; tests override what they test. */
export function guildSettings(overrides: Partial<GuildSettings> = {}): GuildSettings {
  return {
    guildId: '123456789012345678',
    channelId: '223456789012345678',
    mentionRoleId: null,
    spoilerDelayHours: 0,
    replay: null,
    broken: null,
    seasonId: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: null,
    ...overrides,
  };
}
