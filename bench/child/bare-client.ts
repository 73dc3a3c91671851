/**
 * The memory floor, run in a fresh process by bench/memory.ts like memory-bot.ts: only a discord.js client
 * (createDiscordClient: the Guilds intent, the same cache limits) that answers every command with "ok"
 * through discord.js's own `reply()`. No seasons, storage, pictures or Pitboard code paths: what the bot
 * process costs before Pitboard adds anything. Same IPC protocol and environment as memory-bot.ts.
 *
 * With BENCH_INTL=1 it first uses, once in each language Pitboard speaks, the Intl services Pitboard's
 * replies format with, and keeps them: what Node's ICU (its locale data is part of the node binary, counted
 * in RSS once touched) costs any process that localises, before any Pitboard code.
 */
import { Events, MessageFlags } from 'discord.js';
import { createDiscordClient } from '../../src/discord/client.js';
import { LOCALES } from '../../src/i18n/locale.js';
import { env, serveProbe } from './probe-protocol.js';

// Held for the life of the process, as Pitboard's formatters are.
export const intlInUse: unknown[] = process.env.BENCH_INTL === '1' ? useIntlAsPitboardDoes() : [];

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

serveProbe({
  client,
  counts: () => ({ interactions, faults }),
  stop: () => client.destroy(),
});

/** Numbers, plurals, ordinals, dates, country names and lists in every language; grapheme segmentation. */
function useIntlAsPitboardDoes(): unknown[] {
  const kept: unknown[] = [new Intl.Segmenter('en', { granularity: 'grapheme' })];
  for (const locale of LOCALES) {
    const formatters = [
      new Intl.NumberFormat(locale),
      new Intl.PluralRules(locale),
      new Intl.PluralRules(locale, { type: 'ordinal' }),
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
      new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }),
      new Intl.ListFormat(locale, { type: 'conjunction' }),
    ] as const;
    const [number, plural, ordinal, date, region, list] = formatters;
    kept.push(
      ...formatters,
      number.format(1234.5),
      plural.select(2),
      ordinal.select(2),
      date.format(new Date(0)),
      region.of('DE'),
      list.format(['a', 'b', 'c']),
    );
  }
  return kept;
}
