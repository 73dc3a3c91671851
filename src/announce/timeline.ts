import type { Round, SeasonModel } from '../season/model.js';
import { roundEndsAt } from '../season/round-time.js';
import type { Replay } from '../store/settings-store.js';

/**
 * Maps season time onto real time. Without replay it is the identity. With replay, the first round's end
 * lands on `replay.anchor` and every later instant keeps its distance from it, divided by `speed`: a
 * community relives the season with live recaps, and /calendar shows the replayed dates.
 */
export interface Timeline {
  replay: Replay | null;
  toReal(seasonInstant: Date): Date;
  toSeason(realInstant: Date): Date;
  roundEndReal(round: Round): Date;
}

export function createTimeline(model: SeasonModel, replay: Replay | null): Timeline {
  const first = model.rounds[0];
  if (!replay || !first) {
    return { replay: null, toReal: (d) => d, toSeason: (d) => d, roundEndReal: (r) => roundEndsAt(r) };
  }
  const origin = roundEndsAt(first).getTime();
  const anchor = new Date(replay.anchor).getTime();
  const toReal = (d: Date) => new Date(anchor + (d.getTime() - origin) / replay.speed);
  return {
    replay,
    toReal,
    toSeason: (d) => new Date(origin + (d.getTime() - anchor) * replay.speed),
    roundEndReal: (r) => toReal(roundEndsAt(r)),
  };
}
