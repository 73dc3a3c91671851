import { join } from 'node:path';
import { commands } from '../commands/index.js';
import { createAppContext } from '../src/core/app-context.js';
import type { BotServices, Command } from '../src/core/command.js';
import { createBot } from '../src/discord/bot.js';
import { checkChannel } from '../src/discord/channel-check.js';
import { deployCommands } from '../src/discord/deploy.js';
import {
  type InjectedInteraction,
  type LocalDiscord,
  startLocalDiscord,
} from '../src/local-discord/index.js';
import { createResilientStore } from '../src/store/resilient-store.js';
import { SettingsStore } from '../src/store/settings-store.js';
import { AUTOCOMPLETE_CASES, COMMAND_CASES } from './cases.js';
import { FLOOR_COMMAND_NAME, floorCommand } from './floor-command.js';
import { byModule, type ProfileLine, profileWork } from './profile.js';
import { median } from './stats.js';
import { collectGarbage, log, memoryLogger, scratchDir } from './support.js';

export interface EndToEndCase {
  label: string;
  kind: 'command' | 'autocomplete';
  /** Pairs measured: one floor sample and one command sample each, order alternating. */
  pairs: number;
  /** From injection until the callback's last byte has arrived at the local Discord (the budget). */
  medianMs: number;
  p99Ms: number;
  /** Median of the floor samples interleaved with this case. */
  floorMedianMs: number;
  ratio: number;
  /** medianMs - floorMedianMs. */
  excessMs: number;
  /**
   * From injection until the local Discord has parsed, validated and answered the callback (what a test
   * awaiting `final()` sees): the server's own work on the body included. Same samples.
   */
  answeredMedianMs: number;
  answeredFloorMedianMs: number;
  /** Bytes of the callback the bot sent (JSON body, plus files for multipart). */
  callbackBytes: number;
}

export interface EndToEndProfile {
  label: string;
  cpuUsPerCall: number;
  wallUsPerCall: number;
  modules: { module: string; us: number }[];
  top: ProfileLine[];
}

export interface EndToEndResult {
  floorMedianMs: number;
  floorAutocompleteMedianMs: number;
  cases: EndToEndCase[];
  /**
   * CPU profiles of the floor and of each command case, run back to back: where a round trip's CPU goes,
   * by module, per call. One process holds both the bot and the local Discord, so both sides show.
   */
  profiles: EndToEndProfile[];
  faults: number;
  validationFailures: number;
  unexpectedRoutes: number;
}

interface Target {
  label: string;
  kind: 'command' | 'autocomplete';
  inject(discord: LocalDiscord, userId: string): InjectedInteraction;
}

const FIRST_USER = 400_000_000_000_000_000n;

function commandTarget(
  label: string,
  name: string,
  options: Record<string, string | number | boolean>,
): Target {
  return {
    label,
    kind: 'command',
    inject: (discord, userId) => discord.injectCommand({ name, options, userId }),
  };
}

function autocompleteTarget(
  label: string,
  name: string,
  focused: string,
  options: Record<string, string | number | boolean>,
): Target {
  return {
    label,
    kind: 'autocomplete',
    inject: (discord, userId) => discord.injectAutocomplete({ name, focused, options, userId }),
  };
}

/**
 * Every command and autocomplete case injected at the local Discord and timed until the bot's callback
 * arrives, through the real discord.js client (createBot, the same code path as startRuntime), with the
 * floor command registered in the same bot. Floor and case samples alternate (floor-case, case-floor, …),
 * so drift and GC hit both alike; each case is compared with the floor samples taken beside it.
 */
export async function runEndToEnd(options: {
  pairs: number;
  warmupPairs: number;
  profileMs: number;
}): Promise<EndToEndResult> {
  const scratch = scratchDir('e2e');
  const discord = await startLocalDiscord();
  const guild = discord.guilds[0];
  if (!guild) throw new Error('the local Discord has no guild');
  const config = {
    discord: {
      token: discord.token,
      applicationId: discord.applicationId,
      guildId: guild.id,
      apiUrl: discord.restUrl,
    },
  };
  const registered: Command[] = [...commands, floorCommand];
  await deployCommands({ config, commands: registered });
  const app = createAppContext();
  const store = createResilientStore({ url: join(scratch.dir, 'e2e.sqlite') });
  await store.ready();
  const { logger, lines } = memoryLogger('warn');
  let bot: ReturnType<typeof createBot> | null = null;
  // As startRuntime builds them: settings over SQLite, so /calendar reads this server's replay.
  const services: BotServices = {
    settings: new SettingsStore(store),
    store,
    catchUpHours: 48,
    checkChannel: (guildId, channelId) =>
      bot
        ? checkChannel(bot.client, guildId, channelId)
        : Promise.resolve({ ok: false, problem: 'not connected' }),
  };
  bot = createBot({
    config,
    commands: registered,
    makeContext: (invoker) => ({ ...app.makeContext(invoker), services }),
    logger,
    rest: { offset: 0 },
  });
  await bot.start();

  const floor = commandTarget('floor', FLOOR_COMMAND_NAME, {});
  const floorAutocomplete = autocompleteTarget('floor autocomplete', FLOOR_COMMAND_NAME, 'q', { q: 'x' });
  const targets: Target[] = [
    ...COMMAND_CASES.map((c) =>
      commandTarget(c.label, c.command, c.options as Record<string, string | number | boolean>),
    ),
    ...AUTOCOMPLETE_CASES.map((c) =>
      autocompleteTarget(c.label, c.command, c.focused.name, {
        ...(c.options as Record<string, string | number | boolean>),
        [c.focused.name]: c.focused.value,
      }),
    ),
  ];

  let user = 0n;
  const nextUser = () => String(FIRST_USER + user++);
  /** Milliseconds from injection to the callback's arrival, and to the local Discord's answer. */
  const time = async (target: Target): Promise<{ arrived: number; answered: number }> => {
    const userId = nextUser();
    const t0 = performance.now();
    const interaction = target.inject(discord, userId);
    await interaction.final();
    const answered = performance.now() - t0;
    const arrivedAt = interaction.callback?.arrivedAt;
    if (arrivedAt === undefined) throw new Error(`${target.label}: no callback recorded`);
    return { arrived: arrivedAt - t0, answered };
  };

  const cases: EndToEndCase[] = [];
  const allFloor: number[] = [];
  const allFloorAutocomplete: number[] = [];
  try {
    for (const target of targets) {
      const base = target.kind === 'command' ? floor : floorAutocomplete;
      for (let i = 0; i < options.warmupPairs; i++) {
        await time(base);
        await time(target);
      }
      discord.clearHistory();
      collectGarbage();
      const floorSamples: number[] = [];
      const samples: number[] = [];
      const floorAnswered: number[] = [];
      const answered: number[] = [];
      const sampleFloor = async () => {
        const t = await time(base);
        floorSamples.push(t.arrived);
        floorAnswered.push(t.answered);
      };
      const sampleCase = async () => {
        const t = await time(target);
        samples.push(t.arrived);
        answered.push(t.answered);
      };
      let bytes = 0;
      for (let i = 0; i < options.pairs; i++) {
        if (i % 2 === 0) {
          await sampleFloor();
          await sampleCase();
        } else {
          await sampleCase();
          await sampleFloor();
        }
        if (i === 0) bytes = callbackBytesOf(discord);
        // Attachments and messages pile up in the local Discord: forget them now and then.
        if (i % 200 === 199) discord.clearHistory();
      }
      discord.clearHistory();
      const m = median(samples);
      const f = median(floorSamples);
      (target.kind === 'command' ? allFloor : allFloorAutocomplete).push(...floorSamples);
      const sorted = [...samples].sort((a, b) => a - b);
      cases.push({
        label: target.label,
        kind: target.kind,
        pairs: options.pairs,
        medianMs: m,
        p99Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? Number.NaN,
        floorMedianMs: f,
        ratio: m / f,
        excessMs: m - f,
        answeredMedianMs: median(answered),
        answeredFloorMedianMs: median(floorAnswered),
        callbackBytes: bytes,
      });
      log(
        `e2e ${target.label}: ${m.toFixed(3)} ms vs floor ${f.toFixed(3)} ms (×${(m / f).toFixed(2)}); answered ${median(answered).toFixed(3)} vs ${median(floorAnswered).toFixed(3)}`,
      );
    }

    // Where does a round trip's CPU go? Profile the floor and each command back to back.
    const profiles: EndToEndProfile[] = [];
    for (const target of [floor, floorAutocomplete, ...targets.filter((t) => t.kind === 'command')]) {
      collectGarbage();
      let n = 0;
      const result = await profileWork(
        async () => {
          await time(target);
          if (++n % 200 === 0) discord.clearHistory();
        },
        { durationMs: options.profileMs },
      );
      discord.clearHistory();
      profiles.push({
        label: target.label,
        cpuUsPerCall: result.cpuUsPerCall,
        wallUsPerCall: result.wallUsPerCall,
        modules: byModule(result).map(({ module, us }) => ({ module, us })),
        top: result.lines.slice(0, 10),
      });
    }
    return {
      floorMedianMs: median(allFloor),
      floorAutocompleteMedianMs: median(allFloorAutocomplete),
      cases,
      profiles,
      faults: bot.stats.faults + lines.filter((l) => l.level >= 50).length,
      validationFailures: discord.validationFailures.length,
      unexpectedRoutes: discord.unexpectedRoutes.length,
    };
  } finally {
    await bot.stop();
    await store.close();
    await discord.close();
    scratch.remove();
  }
}

/** Size of the latest interaction callback: its JSON body and the bytes of any files it uploaded. */
function callbackBytesOf(discord: LocalDiscord): number {
  for (let i = discord.journal.length - 1; i >= 0; i--) {
    const entry = discord.journal[i];
    if (!entry?.route?.endsWith('/callback')) continue;
    return entry.files.reduce((n, f) => n + f.size, Buffer.byteLength(JSON.stringify(entry.body ?? null)));
  }
  return 0;
}
