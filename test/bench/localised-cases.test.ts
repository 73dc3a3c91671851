/**
 * The bench asks some commands from clients in other languages (issue 15: the budgets must hold with a
 * non-English locale). Each such case must really be answered in its language, not fall back to English.
 */
import { expect, test } from 'vitest';
import { COMMAND_CASES } from '../../bench/cases.js';
import { invokerFor, requireCommand } from '../../bench/handlers.js';
import { createAppContext } from '../../src/core/app-context.js';
import { runCommand } from '../../src/core/run-command.js';

const app = createAppContext();
const localised = COMMAND_CASES.filter((c) => c.locale !== undefined);

test('every language Pitboard speaks is among the cases', () => {
  expect(new Set(localised.map((c) => c.locale))).toEqual(new Set(['de', 'fr', 'it', 'nl', 'es-ES']));
});

test.each(localised.map((c) => [c.label, c] as const))(
  '%s is answered in its language',
  async (_label, c) => {
    const english = COMMAND_CASES.find((e) => e.locale === undefined && c.label.startsWith(`${e.label} · `));
    if (!english) throw new Error(`no English case for ${c.label}`);
    const text = async (testCase: typeof c) => {
      const { reply } = await runCommand(
        requireCommand(testCase.command),
        testCase.options,
        app.makeContext(invokerFor(testCase)),
      );
      return JSON.stringify({ ...reply.data, files: undefined });
    };
    expect(await text(c)).not.toBe(await text(english));
  },
);
