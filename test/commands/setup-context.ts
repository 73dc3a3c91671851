/**
 * A context in which /setup runs as in the bot: a real SQLite settings file, a channel check that accepts,
 * and an invoker with Manage Server. For tests of what /setup replies, not of storage itself.
 */
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { AppContext } from '../../src/core/app-context.js';
import type { BotServices, CommandContext } from '../../src/core/command.js';
import { createKeyValueStore, type KeyValueStore } from '../../src/store/key-value-store.js';
import { SettingsStore } from '../../src/store/settings-store.js';

export const GUILD_ID = '100000000000000001';
export const CHANNEL_ID = '200000000000000001';

export interface SetupHarness {
  context(): CommandContext;
  services: BotServices;
  close(): Promise<void>;
}

export async function setupHarness(app: AppContext, dir: string): Promise<SetupHarness> {
  const store: KeyValueStore = await createKeyValueStore({
    url: join(dir, 'settings.sqlite'),
    timeoutMs: 5_000,
  });
  const services: BotServices = {
    settings: new SettingsStore(store),
    store,
    checkChannel: async () => ({ ok: true, problem: null }),
    catchUpHours: 24,
  };
  const invoker = {
    guildId: GUILD_ID,
    channelId: CHANNEL_ID,
    userId: '300000000000000001',
    permissions: String(PermissionFlagsBits.ManageGuild),
  };
  return {
    context: () => ({ ...app.makeContext(invoker), services }),
    services,
    close: () => store.close(),
  };
}
