import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type LocalDiscord, startLocalDiscord } from '@pitboard/local-discord';
import pino from 'pino';
import { commands } from '../../commands/index.js';
import { parseCommandLine, type WordResolver } from '../cli/parse-command-line.js';
import { renderReplyText } from '../cli/render-text.js';
import { autocompleteResolver } from '../cli/run-cli.js';
import type { Config } from '../config.js';
import { type Reply, UserError } from '../core/command.js';
import { buildUserErrorReply } from '../core/user-error-reply.js';
import { deployCommands } from '../discord/deploy.js';
import { DISCORD_LOCALE_NAMES, isSupportedLocale } from '../i18n/locale.js';
import { replyLocale } from '../i18n/reply-locale.js';
import { createLogger } from '../logger.js';
import { startRuntime } from '../runtime.js';
import { pressInSandbox } from './press.js';

/** The sandbox user is the server's admin, so /setup works as it would for a server owner. */
const ADMINISTRATOR = '8';

const BANNER = (
  discord: LocalDiscord,
) => `Pitboard sandbox — a local Discord on 127.0.0.1:${discord.port} with the real bot connected.
Type a command as you would in Discord, e.g. /standings pro, /driver Buhk, /results 4, /lineup car:84.
Recaps: /setup announcements channel:#announcements, then /setup replay start:now speed:100000 (and "wait 5").
Replies list their buttons and menus; "press <custom_id> [value]" presses one (as printed under the reply).
Other lines: "locale fr" (ask as a user whose Discord is in French; also de, it, nl, es-ES, en), "wait <seconds>",
"help", "quit". Ctrl-D ends.
To run on real Discord instead: put DISCORD_TOKEN and DISCORD_APPLICATION_ID in .env, npm run deploy, npm start.
`;

interface SandboxIo {
  config: Config;
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
}

/**
 * `npm start` without a token: start the local Discord, connect the real bot to it (same runtime as on
 * Discord: storage, recap scheduler, hot reload), and answer each line of standard input through it.
 * Piped input works; the sandbox exits at the end of input.
 */
export async function runSandbox({ config, stdin, stdout }: SandboxIo): Promise<number> {
  const discord = await startLocalDiscord({
    guilds: [{ name: 'Pitboard Sandbox', channels: ['general', 'announcements'] }],
  });
  const guild = discord.guilds[0];
  const general = guild?.channels.find((c) => c.name === 'general');
  const announcements = guild?.channels.find((c) => c.name === 'announcements');
  if (!guild || !general || !announcements) throw new Error('the local Discord has no sandbox guild');
  // A fresh store per sandbox run unless one is configured: the local Discord starts empty each time too.
  const scratch = mkdtempSync(join(tmpdir(), 'pitboard-sandbox-'));
  const sandboxConfig: Config = {
    ...config,
    logLevel: process.env.LOG_LEVEL ? config.logLevel : 'warn',
    discord: {
      token: discord.token,
      applicationId: discord.applicationId,
      guildId: guild.id,
      apiUrl: discord.restUrl,
    },
    recaps: {
      ...config.recaps,
      storeUrl: process.env.PITBOARD_STORE_URL ? config.recaps.storeUrl : join(scratch, 'sandbox.sqlite'),
      schedule: process.env.PITBOARD_RECAP_SCHEDULE ? config.recaps.schedule : '*/2 * * * * *',
    },
  };
  // PITBOARD_MODE=http: the local Discord POSTs each interaction, signed, to the bot's endpoint instead.
  if (config.mode === 'http')
    Object.assign(sandboxConfig, {
      http: { ...config.http, publicKey: discord.publicKey, host: '127.0.0.1', port: 0 },
      workers: 1,
    });
  // Logs go to stderr so that the replies on stdout stay readable (and pipeable).
  const logger = createLogger({ level: sandboxConfig.logLevel, destination: pino.destination(2) });
  const write = (text: string) => stdout.write(`${text}\n`);
  // The sandbox's own local Discord starts empty, so it registers the commands there itself, once.
  const deployment = await deployCommands({ config: sandboxConfig, commands });
  logger.debug({ commands: deployment.registered.length }, 'sandbox commands registered');
  const runtime = await startRuntime({ config: sandboxConfig, logger, rest: { offset: 0 } });
  if (runtime.interactionsUrl) await discord.setInteractionsEndpoint(runtime.interactionsUrl);
  write(BANNER(discord));
  if (runtime.interactionsUrl)
    write(`HTTP mode: interactions are POSTed to ${runtime.interactionsUrl} (no gateway connection).\n`);

  // Message id → its edit time as last printed: a corrected live recap is edited in place, shown again.
  const seen = new Map<string, unknown>();
  const printRecaps = () => {
    for (const message of discord.messages(announcements.id)) {
      const id = String(message.id);
      const edited = message.edited_timestamp ?? null;
      if (seen.has(id) && seen.get(id) === edited) continue;
      const what = seen.has(id) ? '✎ Message edited' : '📣 New message';
      seen.set(id, edited);
      write(
        `${what} in #announcements:\n${renderReplyText({ data: message as Reply['data'] }, new Date())}\n`,
      );
    }
  };
  const recapWatch = setInterval(printRecaps, 250);

  const lines = createInterface({
    input: stdin,
    ...(stdin.isTTY ? { output: stdout, prompt: 'pitboard> ' } : {}),
  });
  const prompt = () => {
    if (stdin.isTTY) lines.prompt();
  };
  prompt();
  let stopped = false;
  let locale = 'en-US';
  try {
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === 'quit' || line === 'exit') break;
      if (line === '') {
        prompt();
        continue;
      }
      if (line === 'help') write(BANNER(discord));
      else if (/^locale(\s|$)/.test(line)) {
        const wanted = line.slice('locale'.length).trim();
        if (isSupportedLocale(wanted)) {
          locale = wanted;
          write(`Commands are now sent with locale ${wanted}.\n`);
        } else write(`"locale" takes one of ${DISCORD_LOCALE_NAMES.join(', ')} (got "${wanted}").\n`);
      } else if (/^wait\s+\d+(\.\d+)?$/.test(line)) {
        const seconds = Math.min(600, Number(line.split(/\s+/)[1]));
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        printRecaps();
      } else if (line.startsWith('press')) {
        write((await pressInSandbox(discord, line, general.id)) ?? '');
      } else
        write(
          await ask(
            discord,
            line,
            general.id,
            guild.channels,
            autocompleteResolver(runtime.app.makeContext()),
            locale,
          ),
        );
      prompt();
    }
  } finally {
    clearInterval(recapWatch);
    lines.close();
    printRecaps();
    // End of input ends the sandbox, always: work still pending (a recap tick waiting on an unreachable
    // store) gets a bounded time, then the sandbox exits regardless.
    stopped = await settlesWithin(
      (async () => {
        await runtime.stop();
        await discord.close();
      })(),
      SHUTDOWN_GRACE_MS,
    );
    rmSync(scratch, { recursive: true, force: true });
    if (!stopped)
      process.stderr.write(
        `Pitboard sandbox: shutting down took longer than ${SHUTDOWN_GRACE_MS / 1000} s; exiting anyway.\n`,
      );
    // Nothing left running may keep the process alive after its input ended (an unreachable Redis's client
    // reconnecting forever once did); the timer is unref'd, so a clean exit happens before it fires.
    setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
  }
  return !stopped || runtime.bot.stats.unhandledRejections > 0 ? 1 : 0;
}

// Stopping waits for the tick in flight: with Redis unreachable that is a recap tick and a living-standings
// tick each waiting out the store's 2 s timeout (≈ 5 s on a quiet machine, over 10 s on a starved one).
const SHUTDOWN_GRACE_MS = 20_000;
const EXIT_GRACE_MS = 2_000;

/** Whether `work` settled within `ms` (its outcome is not awaited further either way). */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Inject one typed command into the local Discord as the sandbox user and wait for what they would see. */
async function ask(
  discord: LocalDiscord,
  line: string,
  channelId: string,
  channels: { id: string; name: string }[],
  resolveWord: WordResolver,
  locale: string,
): Promise<string> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(line, commands, resolveWord);
  } catch (error) {
    if (error instanceof UserError)
      return renderReplyText(buildUserErrorReply(error, replyLocale({ locale })), new Date());
    throw error;
  }
  const { subcommand, ...options } = parsed.options;
  // "#announcements" names a channel; Discord would send its id.
  for (const [name, value] of Object.entries(options)) {
    const byName = channels.find((c) => c.name === String(value).replace(/^#/, ''));
    if (name === 'channel' && byName) options[name] = byName.id;
  }
  try {
    const interaction = discord.injectCommand({
      name: parsed.command.definition.name,
      ...(typeof subcommand === 'string' ? { subcommand } : {}),
      options,
      channelId,
      memberPermissions: ADMINISTRATOR,
      locale,
      strict: false,
    });
    const final = await interaction.final(15_000);
    const parts = [renderReplyText({ data: final as Reply['data'] }, new Date())];
    for (const followUp of interaction.followUps)
      parts.push(renderReplyText({ data: followUp as Reply['data'] }, new Date()));
    return `${parts.join('\n\n')}\n`;
  } catch (error) {
    return `(no answer: ${(error as Error).message})\n`;
  }
}
