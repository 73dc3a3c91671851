import { Client, Events, GatewayIntentBits } from 'discord.js';
import { type LocalDiscord, type LocalDiscordOptions, startLocalDiscord } from '../src/index.js';

export interface Harness {
  discord: LocalDiscord;
  client: Client;
}

/** A local Discord plus a logged-in discord.js client (Guilds intent, fast REST settings). */
export async function startHarness(options: LocalDiscordOptions = {}): Promise<Harness> {
  const discord = await startLocalDiscord({ heartbeatIntervalMs: 250, ...options });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: discord.restUrl, offset: 0, timeout: 2000, retries: 1 },
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(discord.token);
  await ready;
  return { discord, client };
}

export async function stopHarness(harness: Harness | undefined): Promise<void> {
  if (!harness) return;
  await harness.client.destroy();
  await harness.discord.close();
}

export function waitForEvent<T extends unknown[]>(
  client: Client,
  event: string,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    client.once(event, (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args as T);
    });
  });
}

/** A tiny valid PNG (1×1). */
export const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
