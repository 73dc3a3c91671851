import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { renderReplyText } from '../../src/cli/render-text.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { OptionValues } from '../../src/core/command.js';
import { headToHead } from '../../src/season/head-to-head.js';
import { computeStandings } from '../../src/season/standings-engine.js';
import { ask, commandNamed, expectValidReply, isEphemeral } from '../commands/discord-limits.js';
import { EXAMPLE_ID, exampleModel } from '../live/example-season.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/seasons', import.meta.url));
const NOW = new Date('2026-12-01T12:00:00Z');

async function compare(dataDir: string | undefined, options: OptionValues) {
  const app = createAppContext({ dataDir, now: () => NOW });
  const answer = await ask('compare', options, app.makeContext());
  expectValidReply(answer);
  return { ...answer, shown: renderReplyText(answer.reply, NOW) };
}

describe('/compare on a live season', () => {
  test('Lind vs Noël (pro-am): every stage both raced, who was ahead in class, points, the gap after each round', async () => {
    const { shown } = await compare(EXAMPLES, { a: 'Lind', b: 'Noël', season: EXAMPLE_ID });
    expect(shown).toContain(
      'Pro-Am Cup: 🇸🇪 Lena Lind 82 pts · 🇫🇷 Nora Noël 74 pts (🇸🇪 Lena Lind ahead by 8).',
    );
    expect(shown).toContain(
      'Ahead in class, in the 5 stages both scored in other cars: 🇸🇪 Lena Lind 3, 🇫🇷 Nora Noël 2.',
    );
    expect(shown).toContain('R1 Portimão: 2nd (18) · 1st (25) ◀ 🇫🇷 Nora Noël');
    expect(shown).toContain('R3 Spa-Francorchamps 6h: 1st (12) · 3rd (7) ◀ 🇸🇪 Lena Lind');
    expect(shown).toContain('after R1: 18 · 25 · −7\nafter R2: 33 · 43 · −10\nafter R3: 82 · 74 · +8');
  });

  test("the gap over time is the engine's table after each round", () => {
    const model = exampleModel();
    const h2h = headToHead(model, 'lena-lind', 'nora-noel');
    if (h2h.kind !== 'computed') throw new Error('computed expected');
    for (const gap of h2h.gaps) {
      const rows = computeStandings(model, 'pro-am', gap.round).rows;
      expect(gap.a).toBe(rows.find((r) => r.personIds.includes('lena-lind'))?.points);
      expect(gap.b).toBe(rows.find((r) => r.personIds.includes('nora-noel'))?.points);
    }
    expect(h2h.gaps.map((g) => g.round)).toEqual([1, 2, 3]);
  });

  test('a crew: one car in every round, never counted as finishing ahead of each other', async () => {
    const { shown } = await compare(EXAMPLES, { a: 'Archer', b: 'Brooks', season: EXAMPLE_ID });
    expect(shown).toContain('Shared one car in rounds 1, 2, 3.');
    expect(shown).toContain('They never finished a stage in different cars.');
    expect(shown).toContain('R2 Imola: same car #1, 1st (25)');
    expect(shown).toContain('level on points');
  });

  test('drivers of different classes: says there is nothing to set side by side', async () => {
    const { shown } = await compare(EXAMPLES, { a: 'Archer', b: 'Lind', season: EXAMPLE_ID });
    expect(shown).toContain('They have not raced in the same class in any classified round');
  });

  test.each([
    [{ a: 'Archer', b: 'alice-archer' }, 'Pick two different drivers to compare.'],
    [{ a: 'Archer', b: 'Zzyzx' }, 'No driver called “Zzyzx”'],
    [{ a: 'Archre', b: 'Lind' }, 'Did you mean'],
  ])('%o is a user mistake, said in one sentence', async (options, message) => {
    const answer = await compare(EXAMPLES, { ...options, season: EXAMPLE_ID });
    expect(isEphemeral(answer.reply)).toBe(true);
    expect(answer.shown).toContain(message);
  });

  test('both options autocomplete driver names', () => {
    const app = createAppContext({ dataDir: EXAMPLES, now: () => NOW });
    const command = commandNamed('compare');
    for (const name of ['a', 'b']) {
      const choices = command.autocomplete?.(
        { name, value: 'lin' },
        { season: EXAMPLE_ID },
        app.makeContext(),
      );
      expect(choices?.map((c) => c.value)).toContain('lena-lind');
    }
  });
});

describe('/compare on 2013 (published tables only)', () => {
  test('the published rows side by side, and no per-round numbers that were never published', async () => {
    const { shown } = await compare(undefined, { a: 'Buhk', b: 'Maxime Martin' });
    expect(shown).toContain('🇩🇪 Maximilian Buhk: Pro Cup P1, 81 points');
    expect(shown).toContain('🇧🇪 Maxime Martin: Pro Cup =2, 71 points');
    expect(shown).toContain('Per-round points cannot be derived from what was published');
    expect(shown).not.toMatch(/after R\d/);
  });
});
