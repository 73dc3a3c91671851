/**
 * The memory floor, run in a fresh process by bench/memory.ts like memory-bot.ts: only a discord.js client
 * (createDiscordClient: the Guilds intent, the same cache limits) that answers every command with "ok"
 * through discord.js's own `reply()`. No seasons, storage, pictures or Pitboard code paths: what the bot
 * process costs before Pitboard adds anything. Same IPC protocol and environment as memory-bot.ts.
 */
import { Events, MessageFlags } from 'discord.js';
import { createDiscordClient } from '../../src/discord/client.js';
import { env, serveProbe } from './probe-protocol.js';

const client = createDiscordClient({ apiUrl: env('BENCH_API_URL'), rest: { offset: 0 } });
let interactions = 0;
let faults = 0;
client.on(Events.InteractionCreate, (interaction) => {
  interactions++;
  if (!interaction.isChatInputCommand()) return;
  interaction
    .reply({
      content: 'ok',
      flags: interaction.options.getBoolean('hide') ? MessageFlags.Ephemeral : undefined,
    })
    .catch(() => faults++);
});
const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
await client.login(env('BENCH_TOKEN'));
await ready;

serveProbe({ client, counts: () => ({ interactions, faults }), stop: () => client.destroy() });
