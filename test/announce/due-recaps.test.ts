/**
 * When a recap is due for one server: round end plus spoiler delay, in real or replayed time, with results
 * in, inside the catch-up window, each boundary to the millisecond. A small season built here, so every
 * instant is explicit.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_CATCH_UP_HOURS, dueRecapsFor } from '../../src/announce/due.js';
import type { SeasonModel } from '../../src/season/model.js';
import type { GuildSettings } from '../../src/store/settings-store.js';
import { guildSettings } from '../support/guild-settings.js';

const HOUR = 3_600_000;
/** Three rounds ending 18:00 UTC on their dates (round-time.ts); round 3 has no results yet. */
const model = {
  id: 'test-season',
  rounds: [
    { round: 1, date: '2013-04-14', ends_at: null },
    { round: 2, date: '2013-06-02', ends_at: '2013-06-02T16:30:00Z' },
    { round: 3, date: '2013-07-28', ends_at: null },
  ],
  results: new Map([
    [1, {}],
    [2, {}],
  ]),
  // No round classifications: a published season (live seasons: test/recaps/live-recap-poller.test.ts).
  classifications: new Map(),
} as unknown as SeasonModel;
const END_1 = Date.parse('2013-04-14T18:00:00Z');
const END_2 = Date.parse('2013-06-02T16:30:00Z');
const END_3 = Date.parse('2013-07-28T18:00:00Z');

const guild = (overrides: Partial<GuildSettings> = {}): GuildSettings =>
  guildSettings({ updatedAt: '2013-01-01T00:00:00.000Z', ...overrides });

const dueRounds = (g: GuildSettings, now: number, catchUpHours?: number) =>
  dueRecapsFor(g, model, new Date(now), catchUpHours).map((d) => d.round.round);

describe('dueRecapsFor', () => {
  test('the catch-up window is 48 hours by default', () => {
    expect(DEFAULT_CATCH_UP_HOURS).toBe(48);
  });

  test('a recap is due from the instant the round ends, not a millisecond before', () => {
    expect(dueRounds(guild(), END_1 - 1)).toEqual([]);
    expect(dueRounds(guild(), END_1)).toEqual([1]);
  });

  test('a round that ends at its own ends_at is due from then', () => {
    expect(dueRounds(guild(), END_2 - 1)).toEqual([]);
    expect(dueRounds(guild(), END_2)).toEqual([2]);
  });

  test('due until 48 hours after, then too old to post', () => {
    expect(dueRounds(guild(), END_1 + 48 * HOUR)).toEqual([1]);
    expect(dueRounds(guild(), END_1 + 48 * HOUR + 1)).toEqual([]);
  });

  test('another catch-up window can be given', () => {
    expect(dueRounds(guild(), END_1 + 2 * HOUR, 2)).toEqual([1]);
    expect(dueRounds(guild(), END_1 + 2 * HOUR + 1, 2)).toEqual([]);
  });

  test('the spoiler delay moves the due time by that many hours', () => {
    const delayed = guild({ spoilerDelayHours: 3 });
    expect(dueRounds(delayed, END_1 + 3 * HOUR - 1)).toEqual([]);
    const [due] = dueRecapsFor(delayed, model, new Date(END_1 + 3 * HOUR));
    expect(due?.dueAt.getTime()).toBe(END_1 + 3 * HOUR);
  });

  test('a round without results is never due, and the rounds after it still are', () => {
    expect(dueRounds(guild(), END_3 + HOUR)).toEqual([]);
    const lateResultsFirst = {
      ...model,
      results: new Map([[2, {}]]),
    } as unknown as SeasonModel;
    expect(dueRecapsFor(guild(), lateResultsFirst, new Date(END_2)).map((d) => d.round.round)).toEqual([2]);
  });

  test('every due recap carries the server, season, round, channel, due time and replay run', () => {
    const g = guild();
    expect(dueRecapsFor(g, model, new Date(END_1 + HOUR))).toEqual([
      {
        guild: g,
        model,
        round: model.rounds[0],
        channelId: '223456789012345678',
        dueAt: new Date(END_1),
        run: null,
        live: false,
        editOnly: false,
      },
    ]);
  });

  test('a replayed season: round 1 ends at the anchor, later rounds at their distance divided by the speed', () => {
    const anchor = Date.parse('2026-12-01T18:00:00Z');
    const replayed = guild({ replay: { anchor: new Date(anchor).toISOString(), speed: 1440 } });
    const round2 = anchor + (END_2 - END_1) / 1440;
    expect(dueRounds(replayed, anchor - 1)).toEqual([]);
    expect(dueRounds(replayed, anchor)).toEqual([1]);
    expect(dueRounds(replayed, round2 - 1)).toEqual([1]);
    expect(
      dueRecapsFor(replayed, model, new Date(round2)).map((d) => [d.round.round, d.dueAt.getTime()]),
    ).toEqual([
      [1, anchor],
      [2, round2],
    ]);
  });

  test('a server with recaps off or a broken channel has nothing due', () => {
    expect(dueRounds(guild({ channelId: null }), END_1)).toEqual([]);
    expect(
      dueRounds(guild({ broken: { at: '2013-01-01T00:00:00.000Z', code: 50001, reason: 'x' } }), END_1),
    ).toEqual([]);
  });
});

describe('dueRecapsFor: live rounds (results from round classifications)', () => {
  const live = { ...model, results: new Map(), classifications: model.results } as unknown as SeasonModel;
  const seen = (first: number, changed: number) =>
    new Map([[1, { first: new Date(first), changed: new Date(changed) }]]);
  const round1 = (g: GuildSettings, now: number, resultsSeen?: ReturnType<typeof seen>) =>
    dueRecapsFor(g, live, new Date(now), undefined, resultsSeen)
      .filter((d) => d.round.round === 1)
      .map((d) => ({ dueAt: d.dueAt.getTime(), live: d.live, editOnly: d.editOnly }));

  test('results not yet recorded as seen count as seen now: due from now, not from the race', () => {
    const now = END_1 + 100 * HOUR;
    expect(round1(guild(), now)).toEqual([{ dueAt: now, live: true, editOnly: false }]);
  });

  test('a replayed live season is due at the replayed round end, whenever its results were seen', () => {
    const anchor = Date.parse('2026-12-01T18:00:00Z');
    const replayed = guild({ replay: { anchor: new Date(anchor).toISOString(), speed: 1440 } });
    expect(round1(replayed, anchor + 11 * HOUR, seen(anchor + 10 * HOUR, anchor + 10 * HOUR))).toEqual([
      { dueAt: anchor, live: true, editOnly: false },
    ]);
  });

  test('a correction exactly 48 hours ago still reopens the window, for an edit only; a millisecond more does not', () => {
    const now = END_1 + 100 * HOUR;
    expect(round1(guild(), now, seen(END_1, now - 48 * HOUR))).toEqual([
      { dueAt: END_1, live: true, editOnly: true },
    ]);
    expect(round1(guild(), now, seen(END_1, now - 48 * HOUR - 1))).toEqual([]);
  });
});
