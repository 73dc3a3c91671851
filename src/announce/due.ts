import type { Round, SeasonModel } from '../season/model.js';
import type { GuildSettings } from '../store/settings-store.js';
import { createTimeline } from './timeline.js';

export const DEFAULT_CATCH_UP_HOURS = 48;

export interface DueRecap {
  guild: GuildSettings;
  model: SeasonModel;
  round: Round;
  channelId: string;
  /** The replay run the recap belongs to (its own ledger entries); null for real dates. */
  run: string | null;
  /** When the recap became due (round end + spoiler delay), real time. */
  dueAt: Date;
}

/**
 * Which recaps are due now for one server, before looking at the ledger: the round's end (replayed if the
 * server replays the season) plus the spoiler delay has passed, its results are in the model, and it
 * became due within the catch-up window — so a new or long-offline bot posts the latest rounds, not a flood
 * of stale ones. Pure: the poller decides what was already sent.
 */
export function dueRecapsFor(
  guild: GuildSettings,
  model: SeasonModel,
  now: Date,
  catchUpHours = DEFAULT_CATCH_UP_HOURS,
): DueRecap[] {
  if (guild.channelId === null || guild.broken !== null) return [];
  const timeline = createTimeline(model, guild.replay);
  const earliest = now.getTime() - catchUpHours * 3_600_000;
  const due: DueRecap[] = [];
  for (const round of model.rounds) {
    if (!model.results.has(round.round)) continue;
    const dueAt = new Date(timeline.roundEndReal(round).getTime() + guild.spoilerDelayHours * 3_600_000);
    if (dueAt.getTime() > now.getTime() || dueAt.getTime() < earliest) continue;
    due.push({ guild, model, round, channelId: guild.channelId, run: guild.replay?.run ?? null, dueAt });
  }
  return due;
}
