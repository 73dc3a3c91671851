import type { Round, SeasonModel } from '../season/model.js';
import type { RoundResultsSeen } from '../store/results-seen.js';
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
  /**
   * When the recap became due, real time: round end + spoiler delay; for a live round (results from its
   * classifications, real dates) no earlier than the moment its results were first seen.
   */
  dueAt: Date;
  /** True when the round's results come from its classifications: the recap is edited when they change. */
  live: boolean;
  /** Only a correction brought it back into the window: a posted recap is edited, nothing is posted. */
  editOnly: boolean;
}

/**
 * Which recaps are due now for one server, before looking at the ledger: the round's end (replayed if the
 * server replays the season) plus the spoiler delay has passed, its results are in the model, and it
 * became due within the catch-up window — so a new or long-offline bot posts the latest rounds, not a flood
 * of stale ones. A live round's results (classifications) may land days after the race: on real dates its
 * recap becomes due when they were first seen (`resultsSeen`), so the window counts from then. A replay
 * relives a season whose results are all in, so it keeps the replayed round end. Pure: the poller decides
 * what was already sent.
 */
export function dueRecapsFor(
  guild: GuildSettings,
  model: SeasonModel,
  now: Date,
  catchUpHours = DEFAULT_CATCH_UP_HOURS,
  resultsSeen: ReadonlyMap<number, RoundResultsSeen> = new Map(),
): DueRecap[] {
  if (guild.channelId === null || guild.broken !== null) return [];
  const timeline = createTimeline(model, guild.replay);
  const earliest = now.getTime() - catchUpHours * 3_600_000;
  const due: DueRecap[] = [];
  for (const round of model.rounds) {
    const live = model.classifications.has(round.round);
    if (!live && !model.results.has(round.round)) continue;
    const ended = timeline.roundEndReal(round).getTime() + guild.spoilerDelayHours * 3_600_000;
    // Results not yet recorded as seen count as seen now (the poller records them before asking).
    const landed =
      live && guild.replay === null ? (resultsSeen.get(round.round) ?? { first: now, changed: now }) : null;
    const dueAt = new Date(Math.max(ended, landed?.first.getTime() ?? 0));
    if (ended > now.getTime()) continue;
    // A correction reopens the window, for editing a posted recap only (never a stale first post).
    const editOnly = dueAt.getTime() < earliest;
    if (editOnly && (landed === null || landed.changed.getTime() < earliest)) continue;
    due.push({
      guild,
      model,
      round,
      channelId: guild.channelId,
      run: guild.replay?.run ?? null,
      dueAt,
      live,
      editOnly,
    });
  }
  return due;
}
