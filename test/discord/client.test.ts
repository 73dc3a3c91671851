import { afterEach, expect, test } from 'vitest';
import { createDiscordClient } from '../../src/discord/client.js';

let client: ReturnType<typeof createDiscordClient> | undefined;
afterEach(async () => {
  await client?.destroy();
});

test('only the Guilds intent', () => {
  client = createDiscordClient();
  expect(client.options.intents.toArray()).toEqual(['Guilds']);
});

test('the REST base follows the override', () => {
  client = createDiscordClient({ apiUrl: 'http://127.0.0.1:9/api' });
  expect(client.rest.options.api).toBe('http://127.0.0.1:9/api');
});

test('users are never cached except the bot itself', () => {
  client = createDiscordClient();
  const user = {
    id: '500000000000000005',
    username: 'fan',
    discriminator: '0',
    global_name: null,
    avatar: null,
  };
  // The path every interaction takes (BaseInteraction caches its user this way).
  (client.users as unknown as { _add(data: unknown): unknown })._add(user);
  expect(client.users.cache.size).toBe(0);
});
