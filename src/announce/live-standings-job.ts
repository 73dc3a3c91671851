import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import { repliesLocalised, serverLocale } from '../i18n/reply-locale.js';
import type { SeasonCatalog } from '../season/catalog.js';
import type { KeyValueStore } from '../store/key-value-store.js';
import { SettingsStore } from '../store/settings-store.js';
import { buildLiveStandingsBody, type LiveStandingsBody } from './live-standings-body.js';
import { type LivePostClient, MessageGoneError } from './live-standings-discord.js';
import { isKeptUp, type LivePost, LivePostLedger, livePostNonce } from './live-standings-ledger.js';
import { PermanentPostError } from './poster.js';
import type { PollLogger } from './recap-poller.js';

export interface LiveStandingsJobOptions {
  store: KeyValueStore;
  catalog: SeasonCatalog;
  client: LivePostClient;
  now: () => Date;
  logger: PollLogger;
  /**
   * At least this long between two edits of one post: a burst of reloads becomes one edit, and a busy
   * channel stays far below Discord's 5 edits / 5 s per channel. Default 10 s.
   */
  minEditIntervalMs?: number;
  /**
   * While its table does not change, each post is checked for deletion at most this often (one GET), so a
   * deleted post comes back without waiting for the next round. Default 1 h.
   */
  checkIntervalMs?: number;
  /** Posts handled at once; the REST queue still paces each request. Default 5. */
  concurrency?: number;
  leaseMs?: number;
}

export interface LiveTickReport {
  posted: number;
  edited: number;
  unchanged: number;
  paced: number;
  reposted: number;
  failed: number;
  aborted: string | null;
}

const LEASE = 'live-standings';

/**
 * One pass over every living standings post: post what is new or pending, edit what changed, post again
 * (once) what was deleted. Idempotent like the recap poller: the ledger and the nonce make a crash at any
 * point end in one post per server and class; an edit repeated after a crash writes the same text again.
 */
export function createLiveStandingsJob(options: LiveStandingsJobOptions) {
  const ledger = new LivePostLedger(options.store);
  const log = options.logger;
  const minEditIntervalMs = options.minEditIntervalMs ?? 10_000;
  const checkIntervalMs = options.checkIntervalMs ?? 3_600_000;
  const settings = new SettingsStore(options.store);

  /** The server's language for its posts (English while replies are not localised, or settings unreadable). */
  async function postLocale(guildId: string): Promise<Locale> {
    if (!repliesLocalised()) return DEFAULT_LOCALE;
    const chosen = await settings.get(guildId).catch(() => null);
    return serverLocale(chosen?.language, chosen?.guildLocale);
  }

  /**
   * Every write of the job: skipped when `/setup off` stopped the post since the job read it, so a POST or
   * edit in flight when an admin turned the posts off does not switch them back on.
   */
  async function record(entry: LivePost): Promise<boolean> {
    const current = await ledger.get(entry.guildId, entry.classId);
    if (current?.state === 'stopped') return false;
    await ledger.put(entry);
    return true;
  }

  async function create(entry: LivePost, view: LiveStandingsBody, report: LiveTickReport): Promise<void> {
    const nonce = entry.nonce ?? livePostNonce(entry);
    const pending: LivePost = { ...entry, state: 'pending', nonce, messageId: null };
    // Pending (with its nonce) before the POST: a retry after a crash sends the same nonce, and Discord
    // answers with the message it already made.
    if (!(await record(pending))) return;
    const { messageId } = await options.client.post(entry.channelId, {
      ...view.body,
      nonce,
      enforce_nonce: true,
    });
    const at = options.now().toISOString();
    const posted: LivePost = {
      ...pending,
      state: 'posted',
      messageId,
      shown: view.fingerprint,
      afterRound: view.afterRound,
      lastEditAt: at,
      checkedAt: at,
    };
    if (!(await record(posted))) return;
    report.posted++;
    log.info({ guildId: entry.guildId, classId: entry.classId, messageId }, 'living standings posted');
    const pinned = await options.client.pin(entry.channelId, messageId).catch(() => false);
    if (pinned) await record({ ...posted, pinned });
  }

  async function sync(entry: LivePost, report: LiveTickReport): Promise<void> {
    if (!isKeptUp(entry.state)) return;
    const model = options.catalog.get(entry.seasonId);
    const view = model ? buildLiveStandingsBody(model, entry.classId, await postLocale(entry.guildId)) : null;
    if (!view) return;
    if (entry.state === 'new' || entry.state === 'pending' || entry.messageId === null)
      return create(entry, view, report);
    const now = options.now();
    const unchanged = entry.shown === view.fingerprint;
    const seen = entry.checkedAt ?? entry.lastEditAt;
    if (unchanged && seen && now.getTime() - Date.parse(seen) < checkIntervalMs) {
      report.unchanged++;
      return;
    }
    if (!unchanged && entry.lastEditAt && now.getTime() - Date.parse(entry.lastEditAt) < minEditIntervalMs) {
      report.paced++;
      return;
    }
    try {
      if (unchanged) await options.client.check(entry.channelId, entry.messageId);
      else await options.client.edit(entry.channelId, entry.messageId, view.body);
    } catch (error) {
      if (!(error instanceof MessageGoneError)) throw error;
      const deletedAt = now.toISOString();
      if (entry.reposts >= 1) {
        await record({
          ...entry,
          state: 'deleted',
          note: `deleted again ${deletedAt}; not posted a third time`,
        });
        log.warn(
          { guildId: entry.guildId, classId: entry.classId },
          'living standings deleted again; left deleted',
        );
        return;
      }
      report.reposted++;
      const again: LivePost = {
        ...entry,
        state: 'pending',
        reposts: entry.reposts + 1,
        repostedAt: deletedAt,
        nonce: null,
        messageId: null,
        pinned: false,
        note: `deleted; posted again ${deletedAt}`,
      };
      log.warn(
        { guildId: entry.guildId, classId: entry.classId },
        'living standings deleted; posting it again once',
      );
      return create(again, view, report);
    }
    if (unchanged) {
      await record({ ...entry, checkedAt: now.toISOString() });
      report.unchanged++;
      return;
    }
    if (
      !(await record({
        ...entry,
        shown: view.fingerprint,
        afterRound: view.afterRound,
        lastEditAt: now.toISOString(),
        checkedAt: now.toISOString(),
      }))
    )
      return;
    report.edited++;
    log.info(
      { guildId: entry.guildId, classId: entry.classId, afterRound: view.afterRound },
      'living standings edited',
    );
  }

  async function tick(): Promise<LiveTickReport> {
    const report: LiveTickReport = {
      posted: 0,
      edited: 0,
      unchanged: 0,
      paced: 0,
      reposted: 0,
      failed: 0,
      aborted: null,
    };
    let members: string[];
    try {
      if (!(await options.store.holdLease(LEASE, options.leaseMs ?? 60_000))) {
        report.aborted = 'another process holds the living standings lease';
        return report;
      }
      members = await ledger.members();
    } catch (error) {
      report.aborted = String(error);
      log.error({ err: report.aborted }, 'living standings tick skipped: storage unavailable');
      return report;
    }
    const queue = [...members];
    const worker = async () => {
      for (let member = queue.shift(); member !== undefined; member = queue.shift()) {
        const [guildId = '', classId = ''] = member.split(':');
        try {
          const entry = await ledger.get(guildId, classId);
          if (entry) await sync(entry, report);
        } catch (error) {
          if (error instanceof PermanentPostError) {
            report.failed++;
            const entry = await ledger.get(guildId, classId).catch(() => null);
            if (entry)
              await record({
                ...entry,
                state: 'failed',
                note: `Discord refused (${error.code ?? error.status}): ${error.message}`.slice(0, 300),
              }).catch(() => undefined);
          }
          log.warn({ guildId, classId, err: String(error) }, 'living standings not updated; will retry');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 5, queue.length) }, worker));
    return report;
  }

  return {
    tick,
    release: () => options.store.releaseLease(LEASE).catch(() => undefined),
  };
}

export type LiveStandingsJob = ReturnType<typeof createLiveStandingsJob>;

/**
 * The recap poller's tick followed by the living posts' tick: one clock (node-cron, start-up, reloads)
 * drives both, and they never overlap. A failing living-post tick never stops recaps.
 */
export function withLiveStandings<P extends { tick(): Promise<R>; release(): Promise<void> }, R>(
  poller: P,
  live: LiveStandingsJob,
  logger: PollLogger,
): P {
  return {
    ...poller,
    async tick() {
      const report = await poller.tick();
      await live
        .tick()
        .catch((error: unknown) => logger.error({ err: String(error) }, 'living standings tick failed'));
      return report;
    },
    async release() {
      await poller.release();
      await live.release();
    },
  };
}
