import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { commands as allCommands } from '../../commands/index.js';
import { ConfigError, readPinnedNow } from '../config.js';
import { type AppContext, createAppContext, describeProblems, NO_INVOKER } from '../core/app-context.js';
import { choicesCallbackJson, replyCallbackJson } from '../core/callback-json.js';
import type { Command, CommandContext } from '../core/command.js';
import { UserError } from '../core/command.js';
import { runAutocomplete, runCommand } from '../core/run-command.js';
import { buildUserErrorReply } from '../core/user-error-reply.js';
import { DISCORD_LOCALE_NAMES, isSupportedLocale } from '../i18n/locale.js';
import { replyLocale } from '../i18n/reply-locale.js';
import { SeasonsUnavailableError } from '../season/unavailable-seasons.js';
import { parseCommandLine, type WordResolver } from './parse-command-line.js';
import { answerPress, parsePressLine } from './press-line.js';
import { renderChoicesText, renderReplyText } from './render-text.js';
import { OutDirError, writeAttachments } from './write-attachments.js';

export type CliMode = 'ask' | 'complete';

/** Between replies in a text-mode batch. */
export const BATCH_SEPARATOR = '─'.repeat(40);

export interface CliOptions {
  mode: CliMode;
  json: boolean;
  outDir: string | null;
  line: string | null;
  /** `--locale fr`: answer as to a Discord user with that client language; null = English. */
  locale: string | null;
}

/** `ask`/`complete` arguments: an optional command line, `--json`, `--out DIR`, `--locale fr`. */
export function parseCliArguments(mode: CliMode, argv: readonly string[]): CliOptions {
  let json = false;
  let outDir: string | null = null;
  let locale: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--out') {
      outDir = argv[i + 1] ?? null;
      i++;
      if (!outDir) throw new Error('--out needs a directory');
    } else if (arg.startsWith('--out=')) outDir = arg.slice(6);
    else if (arg === '--locale' || arg.startsWith('--locale=')) {
      locale = arg === '--locale' ? (argv[++i] ?? '') : arg.slice('--locale='.length);
      if (!isSupportedLocale(locale))
        throw new Error(`--locale takes one of ${DISCORD_LOCALE_NAMES.join(', ')} (got "${locale}")`);
    } else rest.push(arg);
  }
  return { mode, json, outDir, locale, line: rest.length > 0 ? rest.join(' ') : null };
}

/** Answer one command line as the bot would: the exact interaction callback body, or readable text. */
export async function answerLine(
  line: string,
  options: Pick<CliOptions, 'mode' | 'json' | 'outDir'>,
  context: CommandContext,
  commands: readonly Command[] = allCommands,
  index = 0,
): Promise<{ output: string; failure: unknown | null; problem?: string }> {
  const press = options.mode === 'ask' ? parsePressLine(line) : null;
  if (press) return answerPress(press, options.json, context, commands);
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(line, commands, autocompleteResolver(context));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    if (options.mode === 'complete') return { output: formatChoices([], options.json), failure: null };
    const reply = buildUserErrorReply(error, replyLocale(context.invoker));
    return {
      output: options.json ? replyCallbackJson(reply) : renderReplyText(reply, context.now()),
      failure: null,
    };
  }
  if (options.mode === 'complete') {
    const focused = parsed.focused ?? firstAutocompleteOption(parsed.command);
    const result = focused
      ? runAutocomplete(parsed.command, focused, parsed.options, context)
      : { choices: [], failure: null };
    return { output: formatChoices(result.choices, options.json), failure: result.failure };
  }
  const { reply, failure } = await runCommand(parsed.command, parsed.options, context);
  const output = options.json ? replyCallbackJson(reply) : renderReplyText(reply, context.now());
  let written: string[] = [];
  try {
    written = options.outDir && reply.files?.length ? writeAttachments(options.outDir, reply, index) : [];
  } catch (error) {
    if (!(error instanceof OutDirError)) throw error;
    // The answer still stands; only the picture is lost, said in one line.
    return { output, failure, problem: `The picture could not be written: ${error.message}.` };
  }
  const note = written.length > 0 && !options.json ? `\n${written.map((w) => `wrote ${w}`).join('\n')}` : '';
  return { output: output + note, failure };
}

/** A word picks a value when the option's own autocomplete offers exactly one choice for it. */
export function autocompleteResolver(context: CommandContext): WordResolver {
  return (command, option, word, options) => {
    const { choices } = runAutocomplete(command, { name: option.name, value: word }, options, context);
    return choices.length === 1 ? choices[0]?.value : undefined;
  };
}

function formatChoices(choices: Parameters<typeof renderChoicesText>[0], json: boolean): string {
  return json ? choicesCallbackJson(choices) : renderChoicesText(choices);
}

function firstAutocompleteOption(command: Command) {
  const option = command.definition.options?.find((o) => 'autocomplete' in o && o.autocomplete);
  return option ? { name: option.name, value: '' } : null;
}

/**
 * The CLI main: one line from the arguments, or one reply per line of standard input (JSON Lines with
 * --json), in order, in one process. Returns the exit code: 0, or 1 when something failed on our side.
 */
export async function runCli(
  mode: CliMode,
  argv: readonly string[],
  io: { stdin: Readable; stdout: Writable; stderr: Writable; env: NodeJS.ProcessEnv },
  app?: AppContext,
): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArguments(mode, argv);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  let context: AppContext;
  try {
    context = app ?? createCliAppContext(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.problems.join('\n')}\n`);
      return 2;
    }
    if (!(error instanceof SeasonsUnavailableError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  if (context.problems.size > 0)
    io.stderr.write(`Some seasons were not loaded:\n${describeProblems(context.problems)}\n`);
  const requestContext = context.makeContext({ ...NO_INVOKER, locale: options.locale });
  let failures = 0;
  // The answer first, then (on stderr) why its picture could not be written, if so.
  const answer = async (line: string, index: number, format: (output: string) => string) => {
    const { output, failure, problem } = await answerLine(line, options, requestContext, allCommands, index);
    if (failure) {
      failures++;
      io.stderr.write(
        `error while answering ${JSON.stringify(line)}: ${(failure as Error)?.stack ?? String(failure)}\n`,
      );
    }
    io.stdout.write(format(output));
    if (problem) {
      failures++;
      io.stderr.write(`${problem}\n`);
    }
  };
  if (options.line !== null) {
    await answer(options.line, 0, (output) => `${output}\n`);
    return failures > 0 ? 1 : 0;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let index = 0;
  for await (const line of lines) {
    const first = index === 0;
    // Text replies contain blank lines; a rule line keeps batch output splittable.
    await answer(line, index++, (output) =>
      options.json ? `${output}\n` : `${first ? '' : `${BATCH_SEPARATOR}\n`}${output}\n`,
    );
  }
  return failures > 0 ? 1 : 0;
}

/**
 * Data folder, default season and clock from the environment (PITBOARD_NOW pins "now" for replays and
 * tests). A ConfigError when PITBOARD_NOW is not a real date-time.
 */
export function createCliAppContext(env: NodeJS.ProcessEnv): AppContext {
  const pinned = readPinnedNow(env);
  const now = pinned ? () => pinned : undefined;
  return createAppContext({
    dataDir: env.PITBOARD_DATA_DIR?.trim() || undefined,
    defaultSeason: env.PITBOARD_DEFAULT_SEASON?.trim() || null,
    now,
  });
}
