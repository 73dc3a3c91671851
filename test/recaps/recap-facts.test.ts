import { describe, expect, test } from 'vitest';
import {
  describeFactChanges,
  liveRecapOf,
  type RecapFacts,
  recapFacts,
} from '../../src/announce/recap-facts.js';
import { LedgerEntrySchema } from '../../src/store/ledger.js';
import { editedModel, exampleModel } from '../live/example-season.js';

describe('what a correction line says', () => {
  const before: RecapFacts = [
    ['Pro Cup P1', '#22 Meridian GT'],
    ['Pro Cup Dana Duval / Erik Engel', '35 pts, P2'],
    ['Pro Cup penalty car #7', '−5 (Collision)'],
  ];
  test.each([
    [
      [
        ['Pro Cup P1', '#1 Aurora Motorsport'],
        ['Pro Cup Dana Duval / Erik Engel', '35 pts, P2'],
        ['Pro Cup penalty car #7', '−5 (Collision)'],
      ],
      'Pro Cup P1: #22 Meridian GT → #1 Aurora Motorsport',
    ],
    [
      [...before, ['Pro Cup penalty car #1', '−10 (Track limits)']],
      'Pro Cup penalty car #1: −10 (Track limits) (new)',
    ],
    [before.slice(0, 2), 'Pro Cup penalty car #7: −5 (Collision) (gone)'],
    [before, 'the results were corrected'],
  ] as [RecapFacts, string][])('%j → %s', (after, line) => {
    expect(describeFactChanges(before, after)).toBe(line);
  });

  test('a long list of changes is cut, never longer than asked', () => {
    const after: RecapFacts = before.map(([label]) => [label, 'x'.repeat(300)]);
    const line = describeFactChanges(before, after, 400);
    expect(line).toHaveLength(400);
    expect(line.endsWith('…')).toBe(true);
  });
});

test('the facts of a recap always fit the ledger (a refused write would leave a posted recap unrecorded)', () => {
  const long = 'A very long stewards’ decision. '.repeat(100);
  const model = editedModel({
    rounds: (rounds) =>
      rounds.map((r) =>
        r.round === 2
          ? { ...r, penalties: [{ class: 'pro', person: null, car: 7, points: 5, reason: long }] }
          : r,
      ),
  });
  const round = model.rounds[1];
  const recap = round ? liveRecapOf(model, round) : null;
  if (!recap) throw new Error('round 2 is live');
  const facts = recapFacts(model, recap);
  const entry = {
    state: 'sent',
    channelId: '1',
    nonce: 'n',
    attempts: 1,
    firstAttemptAt: '2026-12-01T00:00:00.000Z',
    lastAttemptAt: '2026-12-01T00:00:00.000Z',
    messageId: '2',
    error: null,
    contentHash: 'h',
    facts,
  };
  expect(LedgerEntrySchema.safeParse(entry).success).toBe(true);
  expect(recapFacts(exampleModel(), liveRecapOf(exampleModel(), round as never) as never)).toContainEqual([
    'Pro Cup penalty car #7',
    '−5 (Causing a collision at Tamburello)',
  ]);
});
