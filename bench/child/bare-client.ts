/**
 * The memory floor, run in a fresh process by bench/memory.ts like memory-bot.ts: only a discord.js client
 * (createDiscordClient: the Guilds intent, the same cache limits) that answers every command with "ok"
 * through discord.js's own `reply()`. No seasons, storage, pictures or Pitboard code paths: what the bot
 * process costs before Pitboard adds anything. Same IPC protocol and environment as memory-bot.ts.
 */
import { Events, MessageFlags } from 'discord.js';
import { createDiscordClient } from '../../src/discord/client.js';
import { rssSplit } from './rss-split.js';

type Request = { type: 'measure'; gc: boolean } | { type: 'stop' };

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

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

const send = (message: unknown) => process.send?.(message);
const measure = (gc: boolean) => {
  if (gc) (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    ...rssSplit(),
    guilds: client.guilds.cache.size,
    channels: client.channels.cache.size,
    users: client.users.cache.size,
    interactions,
    faults,
  };
};
process.on('message', (request: Request) => {
  if (request.type === 'measure') send({ type: 'measured', memory: measure(request.gc) });
  else if (request.type === 'stop')
    void client.destroy().then(() => {
      send({ type: 'stopped' });
      process.disconnect();
    });
});
send({ type: 'ready' });
