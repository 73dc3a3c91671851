import { serverLocale } from '../i18n/reply-locale.js';
import type { LedgerEntry, RecapKey, RecapLedger } from '../store/ledger.js';
import type { DueRecap } from './due.js';
import { type ChannelPoster, PermanentPostError, UNKNOWN_MESSAGE } from './poster.js';
import { describeFactChanges, liveRecapContent } from './recap-facts.js';
import { buildRecapEdit } from './recap-message.js';

export type RevisionOutcome =
  | { kind: 'unchanged' }
  /** The entry had no content hash yet: it is recorded, nothing is edited. */
  | { kind: 'recorded' }
  | { kind: 'edited'; messageId: string; correction: string }
  /** Refused for good; `breaksChannel` unless only the message is gone (deleted by someone). */
  | { kind: 'refused'; error: PermanentPostError; breaksChannel: boolean };

/**
 * A live round's recap was posted; its results may have changed since (a penalty, a re-import). When the
 * content's hash differs from the posted one, the posted message is edited in place (PATCH, in the channel it
 * was posted to) with a line saying what changed, and the ledger takes the new hash only after Discord
 * accepted the edit: once per change and server, never a second recap. A transient failure throws (the
 * next tick retries); a permanent refusal marks the entry failed, so it is never tried again.
 */
export async function revisePostedRecap(
  item: DueRecap,
  key: RecapKey,
  posted: LedgerEntry,
  ledger: RecapLedger,
  poster: ChannelPoster,
  now: Date,
): Promise<RevisionOutcome> {
  const current = liveRecapContent(item.model, item.round);
  // Classifications removed since: the posted recap stays as it is.
  if (!current || posted.contentHash === current.hash || posted.messageId === null)
    return { kind: 'unchanged' };
  if (posted.contentHash === undefined || posted.facts === undefined) {
    await ledger.put(key, { ...posted, contentHash: current.hash, facts: current.facts });
    return { kind: 'recorded' };
  }
  const correction = describeFactChanges(posted.facts, current.facts);
  const at = now.toISOString();
  try {
    await poster.edit(
      posted.channelId,
      posted.messageId,
      buildRecapEdit(
        item.model,
        item.round,
        current.recap,
        item.guild.mentionRoleId,
        correction,
        serverLocale(item.guild.language, item.guild.guildLocale),
      ),
    );
  } catch (error) {
    if (!(error instanceof PermanentPostError)) throw error;
    await ledger.put(key, {
      ...posted,
      state: 'failed',
      lastAttemptAt: at,
      error: `edit refused: ${error.status} ${error.code ?? ''} ${error.message}`.trim().slice(0, 500),
    });
    return { kind: 'refused', error, breaksChannel: error.code !== UNKNOWN_MESSAGE };
  }
  await ledger.put(key, { ...posted, lastAttemptAt: at, contentHash: current.hash, facts: current.facts });
  return { kind: 'edited', messageId: posted.messageId, correction };
}
