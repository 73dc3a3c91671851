import { join } from 'node:path';
import { type InjectedInteraction, type LocalDiscord, startLocalDiscord } from '@pitboard/local-discord';
import { commands } from '../commands/index.js';
import { createAppContext } from '../src/core/app-context.js';
import type { BotServices, Command } from '../src/core/command.js';
import { runCommand } from '../src/core/run-command.js';
import { createBot } from '../src/discord/bot.js';
import { checkChannel } from '../src/discord/channel-check.js';
import { deployCommands } from '../src/discord/deploy.js';
import { createResilientStore } from '../src/store/resilient-store.js';
import { SettingsStore } from '../src/store/settings-store.js';
import type { Bundles } from './bundle.js';
import { AUTOCOMPLETE_CASES, COMMAND_CASES } from './cases.js';
import { FLOOR_COMMAND_NAME, floorCommand } from './floor-command.js';
import { answerFloors } from './floor-press.js';
import { invokerFor, requireCommand } from './handlers.js';
import { bundledMemoryProbe, forkBotProbe, measure, request, stopBotProbe } from './memory.js';
import { pressTargets } from './press-targets.js';
import { byModule, type ProfileLine, profileWork } from './profile.js';
import { median } from './stats.js';
import { collectGarbage, log, memoryLogger, scratchDir } from './support.js';

export interface EndToEndCase {
  label: string;
  kind: 'command' | 'autocomplete';
  /** A reference row (the floor with a bigger reply), not a command: outside the budget. */
  reference?: boolean;
  /** Pairs measured: one floor sample and one command sample each, order alternating. */
  pairs: number;
  /**
   * From the INTERACTION_CREATE frame leaving the local Discord until the callback's last byte has arrived
   * there (the budget): the bot's work plus loopback, none of the local Discord's.
   */
  medianMs: number;
  p99Ms: number;
  /**
   * The floor it is paired with: the plain floor, or for a reply that uploads a picture the floor uploading a
   * file of the same size (the upload alone is not the bot's cost).
   */
  floorLabel?: string;
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

export interface Target {
  label: string;
  kind: 'command' | 'autocomplete';
  reference?: boolean;
  /** The floor to pair with, when not the plain one. */
  base?: Target;
  inject(discord: LocalDiscord, userId: string): InjectedInteraction;
}

const FIRST_USER = 400_000_000_000_000_000n;

/** The floor answering a 1 KiB embed: what a reply's size alone adds (most text replies are 1–3 KiB). */
const BODY_REFERENCE_BYTES = 1024;
export const BODY_REFERENCE_LABEL = 'floor, 1 KiB embed (reference)';
/**
 * The plain floor answering "ok", injected with two options of the kinds /standings pro text:true carries
 * (a string choice and a boolean): what options in the payload alone add — discord.js parsing and building
 * them, before any of Pitboard's code runs. The plain floor carries none.
 */
export const OPTIONS_REFERENCE_LABEL = 'floor with two options (reference)';
const OPTIONS_REFERENCE = { q: 'pro', flag: true };
/** The floor uploading a file of `bytes`: the reference for a reply that uploads a picture that size. */
export function uploadFloorLabel(bytes: number): string {
  return `floor uploading ${(bytes / 1024).toFixed(0)} KiB`;
}

/** Bytes of the files each picture case uploads, asked in this process before the bot starts. */
export async function pictureBytes(): Promise<Map<string, number>> {
  const app = createAppContext();
  const sizes = new Map<string, number>();
  for (const c of COMMAND_CASES.filter((x) => x.picture)) {
    const { reply } = await runCommand(requireCommand(c.command), c.options, app.makeContext(invokerFor(c)));
    const bytes = (reply.files ?? []).reduce((n, f) => n + f.data.byteLength, 0);
    if (bytes === 0) throw new Error(`${c.label}: expected a picture, got none`);
    sizes.set(c.label, bytes);
  }
  return sizes;
}

export function commandTarget(
  label: string,
  name: string,
  options: Record<string, string | number | boolean>,
  locale?: string,
): Target {
  return {
    label,
    kind: 'command',
    inject: (discord, userId) => discord.injectCommand({ name, options, userId, ...(locale && { locale }) }),
  };
}

export function autocompleteTarget(
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
export async function runEndToEnd(
  options: {
    pairs: number;
    warmupPairs: number;
    /** Rounds over every case before any is timed. */
    warmupRounds: number;
    profileMs: number;
  },
  bundles: Bundles,
): Promise<EndToEndResult> {
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

  const floor = commandTarget('floor', FLOOR_COMMAND_NAME, {});
  const floorAutocomplete = autocompleteTarget('floor autocomplete', FLOOR_COMMAND_NAME, 'q', { q: 'x' });
  const uploads = await pictureBytes();
  const uploadFloors = new Map(
    [...uploads].map(([label, bytes]) => [
      label,
      commandTarget(uploadFloorLabel(bytes), FLOOR_COMMAND_NAME, { upload_bytes: bytes }),
    ]),
  );
  const targets: Target[] = [
    {
      ...commandTarget(BODY_REFERENCE_LABEL, FLOOR_COMMAND_NAME, { bytes: BODY_REFERENCE_BYTES }),
      reference: true,
    },
    { ...commandTarget(OPTIONS_REFERENCE_LABEL, FLOOR_COMMAND_NAME, OPTIONS_REFERENCE), reference: true },
    ...COMMAND_CASES.map((c) => {
      const target = commandTarget(
        c.label,
        c.command,
        c.options as Record<string, string | number | boolean>,
        c.locale,
      );
      const base = uploadFloors.get(c.label);
      return base ? { ...target, base } : target;
    }),
    ...AUTOCOMPLETE_CASES.map((c) =>
      autocompleteTarget(c.label, c.command, c.focused.name, {
        ...(c.options as Record<string, string | number | boolean>),
        [c.focused.name]: c.focused.value,
      }),
    ),
    ...pressTargets(),
  ];

  let user = 0n;
  const nextUser = () => String(FIRST_USER + user++);
  /**
   * Milliseconds from the moment the INTERACTION_CREATE frame leaves the local Discord until the callback's
   * last byte has arrived there (the bot's span), and from the inject call until the local Discord has
   * answered the callback (what a test awaiting `final()` sees: this server's own work included).
   */
  const time = async (target: Target): Promise<{ arrived: number; answered: number }> => {
    const userId = nextUser();
    const t0 = performance.now();
    const interaction = target.inject(discord, userId);
    await interaction.final();
    const answered = performance.now() - t0;
    const arrivedAt = interaction.callback?.arrivedAt;
    if (arrivedAt === undefined) throw new Error(`${target.label}: no callback recorded`);
    return { arrived: arrivedAt - interaction.sentAt, answered };
  };

  const cases: EndToEndCase[] = [];
  const allFloor: number[] = [];
  const allFloorAutocomplete: number[] = [];
  let faults = 0;
  try {
    // The timed samples: the bot in a process of its own, bundled and run as `npm start` runs it, so that
    // it shares neither its event loop nor its heap with the local Discord.
    const child = forkBotProbe(discord, bundledMemoryProbe(bundles), join(scratch.dir, 'e2e-bot.sqlite'), {
      BENCH_FLOOR: '1',
      BENCH_FLOOR_BEFORE_ROUTER: '1',
    });
    try {
      await request(child, {}, 'ready', 120_000);
      // The bot's process starts cold: warm every path it will take (JIT tiers, caches, pictures) first,
      // or the first cases would be compared with a floor that is still getting faster.
      for (let round = 0; round < options.warmupRounds; round++) {
        for (const target of [floor, floorAutocomplete, ...uploadFloors.values(), ...targets]) {
          if (target.base) await time(target.base);
          await time(target);
        }
        if (round % 20 === 19) discord.clearHistory();
      }
      for (const target of targets) {
        const base = target.base ?? (target.kind === 'command' ? floor : floorAutocomplete);
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
        if (base === floor) allFloor.push(...floorSamples);
        else if (base === floorAutocomplete) allFloorAutocomplete.push(...floorSamples);
        const sorted = [...samples].sort((a, b) => a - b);
        cases.push({
          label: target.label,
          kind: target.kind,
          ...(target.reference ? { reference: true } : {}),
          pairs: options.pairs,
          floorLabel: base.label,
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
          `e2e ${target.label}: ${m.toFixed(3)} ms vs ${base.label} ${f.toFixed(3)} ms (×${(m / f).toFixed(2)}); answered ${median(answered).toFixed(3)} vs ${median(floorAnswered).toFixed(3)}`,
        );
      }
      faults += (await measure(child, false)).faults;
    } finally {
      await stopBotProbe(child);
    }

    const profiles = await profileInProcess(
      discord,
      config,
      registered,
      scratch.dir,
      [floor, floorAutocomplete, ...targets.filter((t) => t.kind === 'command' && !t.reference)],
      time,
      options.profileMs,
    );
    faults += profiles.faults;
    return {
      floorMedianMs: median(allFloor),
      floorAutocompleteMedianMs: median(allFloorAutocomplete),
      cases,
      profiles: profiles.profiles,
      faults,
      validationFailures: discord.validationFailures.length,
      unexpectedRoutes: discord.unexpectedRoutes.length,
    };
  } finally {
    await discord.close();
    scratch.remove();
  }
}

/**
 * Where does a round trip's CPU go? The V8 sampling profiler sees one process, so for this the bot runs in
 * this process (createBot with the runtime's services, through tsx), the floor and each command back to back.
 */
async function profileInProcess(
  discord: LocalDiscord,
  config: Parameters<typeof createBot>[0]['config'],
  registered: Command[],
  dir: string,
  targets: Target[],
  time: (target: Target) => Promise<unknown>,
  profileMs: number,
): Promise<{ profiles: EndToEndProfile[]; faults: number }> {
  const app = createAppContext();
  const store = createResilientStore({ url: join(dir, 'e2e.sqlite') });
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
  answerFloors(bot.client, { commands: true });
  await bot.start();
  try {
    const profiles: EndToEndProfile[] = [];
    for (const target of targets) {
      collectGarbage();
      let n = 0;
      const result = await profileWork(
        async () => {
          await time(target);
          if (++n % 200 === 0) discord.clearHistory();
        },
        { durationMs: profileMs },
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
    return { profiles, faults: bot.stats.faults + lines.filter((l) => l.level >= 50).length };
  } finally {
    await bot.stop();
    await store.close();
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
