import { describe, expect, test } from 'vitest';
import { answerLine } from '../../src/cli/run-cli.js';
import { createAppContext } from '../../src/core/app-context.js';

/** A word for a number option that autocompletes picks the value Discord's list would (the round by circuit). */
describe('CLI: a circuit name stands for its round', () => {
  const context = createAppContext().makeContext();
  const ask = async (line: string) =>
    (await answerLine(line, { mode: 'ask', json: false, outDir: null }, context)).output;

  test.each([
    ['/results spa', 'Round 4 · Spa-Francorchamps'],
    ['/results monza', 'Round 1 · Monza'],
    ['/recap round:nurburgring', 'Round 5 recap'],
    ['/results round:silverstone', 'Round 2 · Silverstone'],
  ])('%s', async (line, expected) => {
    expect(await ask(line)).toContain(expected);
  });

  test('a word matching no round, or several, is still a mistake', async () => {
    expect(await ask('/results round:xyz')).toContain('round must be a whole number, not “xyz”');
    expect(await ask('/results zzz')).toContain('does not know what to do with “zzz”');
  });
});
