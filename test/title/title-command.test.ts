import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { renderReplyText } from '../../src/cli/render-text.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { OptionValues } from '../../src/core/command.js';
import { ask, expectValidReply, isEphemeral } from '../commands/discord-limits.js';
import { EXAMPLE_ID } from '../live/example-season.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/seasons', import.meta.url));
const NOW = new Date('2026-12-01T12:00:00Z');

async function title(dataDir: string | undefined, options: OptionValues) {
  const app = createAppContext({ dataDir, now: () => NOW });
  const answer = await ask('title', options, app.makeContext());
  expectValidReply(answer);
  return { ...answer, shown: renderReplyText(answer.reply, NOW) };
}

const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the example seasons folder with a round 4 in which pro-am car 50 wins and 55 and 61 retire. */
function withDecisiveRound4(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pitboard-title-'));
  temp.push(dir);
  cpSync(EXAMPLES, dir, { recursive: true });
  writeFileSync(
    join(dir, EXAMPLE_ID, 'classifications', 'round-04.yaml'),
    [
      'round: 4',
      'classifications:',
      '  - class: pro-am',
      '    stage: race',
      '    order:',
      '      - { position: 1, car: 50, status: null, drivers: null }',
      '      - { position: null, car: 55, status: Ret, drivers: null }',
      '      - { position: null, car: 61, status: Ret, drivers: null }',
      'penalties: []',
      '',
    ].join('\n'),
  );
  return dir;
}

describe('/title on a live season', () => {
  test('pro-am after Spa: three can still win, 58 available, and what the leaders need at the Nürburgring', async () => {
    const { shown, failure } = await title(EXAMPLES, { class: 'pro-am', season: EXAMPLE_ID });
    expect(failure).toBeNull();
    expect(shown).toContain(
      'Open: 3 can still win. Up to 58 points available to one driver in the 2 rounds left.',
    );
    expect(shown).toContain('Lena Lind / 🇮🇹 Marco Moretti on 82 points, 8 points clear of');
    expect(shown).toContain(
      'Marco Moretti clinches the title at Nürburgring by outscoring 🇫🇷 Nora Noël / 🇪🇸 Oscar Ortiz and 🇺🇸 Pia Park / 🇨🇦 Quinn Quade by 18 or more there; a point less on a margin leaves it to the countback.',
    );
  });

  test('round:2 shows the title fight as it stood then', async () => {
    const { shown } = await title(EXAMPLES, { class: 'gentlemen', round: 2, season: EXAMPLE_ID });
    expect(shown).toContain('After round 2 (Imola)');
    expect(shown).toContain('Up to 107 points available to one driver in the 3 rounds left.');
  });

  test('a round that settles it: "decided", with the round that decided it, then and later', async () => {
    const dir = withDecisiveRound4();
    const { shown } = await title(dir, { class: 'pro-am', season: EXAMPLE_ID });
    expect(shown).toContain(
      '🏆 Decided: 🇸🇪 Lena Lind / 🇮🇹 Marco Moretti has clinched the title, decided at round 4 (Nürburgring); no one can catch up in the 1 round left.',
    );
    expect(shown).not.toContain('What each needs');
  });

  test.each([
    [
      { class: 'pro', round: 4 },
      'Round 4 has no results in this class yet: the latest is round 3 (Spa-Francorchamps).',
    ],
    [{ class: 'pro', round: 9 }, 'There is no round 9'],
    [{ class: 'formula' }, 'There is no class “formula”'],
  ])('%o is a user mistake, said in one sentence', async (options, message) => {
    const answer = await title(EXAMPLES, { ...options, season: EXAMPLE_ID });
    expect(isEphemeral(answer.reply)).toBe(true);
    expect(answer.shown).toContain(message);
  });
});

describe('/title on 2013 (published tables only)', () => {
  test.each([
    ['pro', 'Maximilian Buhk champion with 81 points', 'overall finishing positions'],
    ['pro-am', 'Lucas Ordóñez champion with 66 points', 'only the final totals'],
    ['gentlemen', 'Patrice Goueslard champions with 112 points', 'only the final totals'],
  ])(
    '%s: decided from the published total, and says per-round points cannot be derived',
    async (classId, champion, why) => {
      const { shown } = await title(undefined, { class: classId });
      expect(shown).toContain(`🏆 Decided: `);
      expect(shown).toContain(champion);
      expect(shown).toContain(`Per-round points cannot be derived from what was published for this class (`);
      expect(shown).toContain(why);
      expect(shown).not.toMatch(/after round \d+ .*\d+ points/i);
    },
  );

  test('asking after a round says that table is not known, and guesses nothing', async () => {
    const { shown } = await title(undefined, { class: 'pro', round: 2 });
    expect(shown).toContain('The table after round 2 (Silverstone) is not known.');
    expect(shown).not.toContain('can still win');
  });
});
