/**
 * Hostile input costs nothing: every option of every command, at 6,000 and 1,000,000 characters, through
 * every door a handler has (runCommand/runAutocomplete as tests and benchmarks call them, the CLI line
 * parser, the gateway handler), gets one clear sentence — or no autocomplete choices — before any handler
 * work. Cost is checked with a bound far above the expected microseconds and far below the seconds the
 * unbounded path took.
 */
import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { answerLine } from '../../src/cli/run-cli.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { Command, OptionValue } from '../../src/core/command.js';
import { DEFAULT_OPTION_MAX_LENGTH, optionLengthLimits } from '../../src/core/options.js';
import { runAutocomplete, runCommand } from '../../src/core/run-command.js';
import { handleAutocomplete, handleChatInputCommand } from '../../src/discord/interaction-handler.js';
import type { AutocompleteSource, RawCommandOption } from '../../src/discord/interaction-types.js';
import { indexCommands } from '../../src/discord/router.js';
import { captureLogs, fakeInteraction, ManualClock } from '../discord/fakes.js';

const app = createAppContext({ now: () => new Date('2013-12-01T00:00:00Z') });
const SIZES = [6_000, 1_000_000];
/** Expected: microseconds. Unbounded, these inputs took seconds. */
const GENEROUS_MS = 500;

interface Leaf {
  command: Command;
  subcommand: string | null;
  option: APIApplicationCommandOption;
}

function leaves(): Leaf[] {
  const found: Leaf[] = [];
  for (const command of commands)
    for (const option of command.definition.options ?? []) {
      if (option.type === ApplicationCommandOptionType.Subcommand)
        for (const inner of option.options ?? [])
          found.push({ command, subcommand: option.name, option: inner });
      else found.push({ command, subcommand: null, option });
    }
  return found;
}

const label = ({ command, subcommand, option }: Leaf) =>
  `/${command.definition.name}${subcommand ? ` ${subcommand}` : ''} ${option.name}`;
const ALL = leaves().map((leaf) => [label(leaf), leaf] as const);
const AUTOCOMPLETED = ALL.filter(([, leaf]) => 'autocomplete' in leaf.option && leaf.option.autocomplete);

const tooLong = (name: string, size: number, max: number) =>
  `${name} is too long: ${size.toLocaleString('en-GB')} characters, at most ${max}.`;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('the limits come from the definitions', () => {
  test.each(ALL)('%s: text declares max_length; the rest use the default', (_name, { command, option }) => {
    const limit = optionLengthLimits(command.definition).get(option.name);
    if (option.type === ApplicationCommandOptionType.String)
      expect('max_length' in option && option.max_length).toBe(limit);
    expect(limit).toBeLessThanOrEqual(DEFAULT_OPTION_MAX_LENGTH);
  });
});

describe.each(SIZES)('an option of %i characters', (size) => {
  const huge = 'x'.repeat(size);

  test.each(ALL)('%s: one clear ephemeral sentence, at once', async (_name, leaf) => {
    const options: Record<string, OptionValue> = { [leaf.option.name]: huge };
    if (leaf.subcommand) options.subcommand = leaf.subcommand;
    const start = performance.now();
    const { reply, failure } = await runCommand(leaf.command, options, app.makeContext());
    expect(performance.now() - start).toBeLessThan(GENEROUS_MS);
    expect(failure).toBeNull();
    const max = optionLengthLimits(leaf.command.definition).get(leaf.option.name) ?? 0;
    expect(reply.data.content).toContain(tooLong(leaf.option.name, size, max));
    expect(reply.data.flags).toBe(MessageFlags.Ephemeral);
  });

  test.each(AUTOCOMPLETED)('%s autocomplete: no choices, at once', (_name, leaf) => {
    // What would match if cut or trimmed: a real start followed by padding.
    const typed = `${leaf.option.type === ApplicationCommandOptionType.String ? 'b' : '1'}${' '.repeat(size - 1)}`;
    const { value, ms } = timed(() =>
      runAutocomplete(leaf.command, { name: leaf.option.name, value: typed }, {}, app.makeContext()),
    );
    expect(ms).toBeLessThan(GENEROUS_MS);
    expect(value).toEqual({ choices: [], failure: null });
  });

  test.each(AUTOCOMPLETED)('%s autocomplete beside a huge other option: no choices', (_name, leaf) => {
    const other = leaf.option.name === 'season' ? 'name' : 'season';
    const { value, ms } = timed(() =>
      runAutocomplete(
        leaf.command,
        { name: leaf.option.name, value: 'b' },
        { [other]: huge, [leaf.option.name]: 'b' },
        app.makeContext(),
      ),
    );
    expect(ms).toBeLessThan(GENEROUS_MS);
    expect(value.choices).toEqual([]);
  });

  test.each(ALL)('%s typed on the CLI: the same sentence', async (_name, leaf) => {
    const line = `/${leaf.command.definition.name} ${leaf.subcommand ?? ''} ${leaf.option.name}:${huge}`;
    const start = performance.now();
    const { output } = await answerLine(line, { mode: 'ask', json: false, outDir: null }, app.makeContext());
    expect(performance.now() - start).toBeLessThan(GENEROUS_MS * 2);
    expect(output).toContain(' is too long: ');
  });
});

describe('through the gateway handler (what the sandbox and Discord deliver)', () => {
  const huge = 'x'.repeat(1_000_000);
  const deps = () => ({
    commands: indexCommands([...commands]),
    makeContext: () => app.makeContext(),
    logger: captureLogs().logger,
    clock: new ManualClock(),
    deferAfterMs: 2000,
  });

  test('/driver name of a million characters: the sentence, not a search', async () => {
    const options: RawCommandOption[] = [
      { name: 'name', type: ApplicationCommandOptionType.String, value: huge },
    ];
    const interaction = fakeInteraction({ commandName: 'driver', options });
    const start = performance.now();
    await handleChatInputCommand(interaction, deps());
    expect(performance.now() - start).toBeLessThan(GENEROUS_MS);
    expect(interaction.calls.at(-1)?.options?.content).toContain(tooLong('name', 1_000_000, 100));
  });

  test('/driver autocomplete of a million characters ("bu" then spaces): no choices', async () => {
    const typed = `bu${' '.repeat(1_000_000)}`;
    const options: RawCommandOption[] = [
      { name: 'name', type: ApplicationCommandOptionType.String, value: typed, focused: true },
    ];
    const { calls: _calls, client: _client, ...base } = fakeInteraction({ commandName: 'driver', options });
    let sent: unknown = 'nothing';
    const interaction: AutocompleteSource = {
      ...base,
      responded: false,
      client: {
        rest: {
          post: async (_route, request) => {
            sent = (JSON.parse(String(request.body)) as { data: { choices: unknown } }).data.choices;
          },
        },
      },
    };
    const start = performance.now();
    await handleAutocomplete(interaction, deps());
    expect(performance.now() - start).toBeLessThan(GENEROUS_MS);
    expect(sent).toEqual([]);
  });
});
