import { serverLocale } from '../i18n/reply-locale.js';
import type { SeasonCatalog } from '../season/catalog.js';
import type { SeasonModel } from '../season/model.js';
import { roundEndsAt } from '../season/round-time.js';
import type { KeyValueStore } from '../store/key-value-store.js';
import { type LedgerEntry, type RecapKey, RecapLedger, writeLastRecap } from '../store/ledger.js';
import { type LiveRoundState, ResultsSeen, type RoundResultsSeen } from '../store/results-seen.js';
import { compareSnowflakes, type GuildSettings, SettingsStore } from '../store/settings-store.js';
import type { DataLoss } from '../store/store-epoch.js';
import { DEFAULT_CATCH_UP_HOURS, type DueRecap, dueRecapsFor } from './due.js';
import { recapNonce } from './nonce.js';
import { type ChannelPoster, PermanentPostError } from './poster.js';
import { type RevisionOutcome, revisePostedRecap as reviseRecap } from './recap-edit.js';
import { liveRecapContent } from './recap-facts.js';
import { buildRecapMessage } from './recap-message.js';

export interface PollLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface TickReport {
  due: number;
  sent: number;
  skipped: number;
  failed: number;
  retryLater: number;
  /** Posted live recaps edited because their results changed. */
  edited: number;
  aborted: string | null;
}

export interface RecapPollerOptions {
  store: KeyValueStore;
  catalog: SeasonCatalog;
  poster: ChannelPoster;
  now: () => Date;
  logger: PollLogger;
  catchUpHours?: number;
  /** How many POSTs may be in flight at once; the REST queue still enforces Discord's limits. */
  concurrency?: number;
  /**
   * Processes sharing one store (Redis) elect one poller: the holder renews this lease every tick; another
   * process takes over once it has lapsed. Must exceed the tick interval. Default 60 s.
   */
  leaseMs?: number;
  /** The process's settings store (its epoch marker says whether storage lost its data); one is made if absent. */
  settings?: SettingsStore;
}

/**
 * One pass over durable state: which (season, round, server) recaps are due and not yet sent? Idempotent,
 * so it can run as often as the clock ticks, after a crash, or twice: the ledger and the message nonce make
 * each recap arrive once. One server's failure never stops the others.
 */
export function createRecapPoller(options: RecapPollerOptions) {
  const settingsStore =
    options.settings ??
    new SettingsStore(options.store, {
      clock: options.now,
      onDataLoss: (loss) => reportDataLoss(options.logger, loss),
    });
  const ledger = new RecapLedger(options.store);
  const resultsSeen = new ResultsSeen(options.store);
  const log = options.logger;

  async function deliver(item: DueRecap, report: TickReport): Promise<void> {
    const key: RecapKey = {
      seasonId: item.model.id,
      round: item.round.round,
      guildId: item.guild.guildId,
      run: item.run,
    };
    const context = { ...key, channelId: item.channelId };
    const previous = await ledger.get(key);
    if (previous?.state === 'sent' && item.live) {
      await revise(item, key, previous, report);
      return;
    }
    if (item.editOnly) {
      report.skipped++;
      return;
    }
    if (previous && (previous.state === 'sent' || previous.state === 'failed')) {
      report.skipped++;
      return;
    }
    const nonce = recapNonce(key.seasonId, key.round, key.guildId, item.channelId, key.run);
    const at = options.now().toISOString();
    const pending: LedgerEntry = {
      state: 'pending',
      channelId: item.channelId,
      nonce,
      attempts: (previous?.attempts ?? 0) + 1,
      firstAttemptAt: previous?.firstAttemptAt ?? at,
      lastAttemptAt: at,
      messageId: null,
      error: null,
    };
    // Pending goes down before the POST: a crash after the POST leaves a trace, and the retry reuses the nonce.
    await ledger.put(key, pending);
    let messageId: string;
    // Read with the body: the facts recorded as sent are those of the posted content.
    const live = item.live ? liveRecapContent(item.model, item.round) : null;
    try {
      ({ messageId } = await options.poster.post(
        item.channelId,
        buildRecapMessage(
          item.model,
          item.round,
          nonce,
          item.guild.mentionRoleId,
          serverLocale(item.guild.language, item.guild.guildLocale),
        ),
      ));
    } catch (error) {
      if (error instanceof PermanentPostError) {
        report.failed++;
        log.warn(
          { ...context, status: error.status, code: error.code },
          'recap refused for good; channel marked broken',
        );
        await ledger.put(key, {
          ...pending,
          state: 'failed',
          error: `${error.status} ${error.code ?? ''} ${error.message}`.trim(),
        });
        await markBroken(item.guild, error);
        return;
      }
      report.retryLater++;
      log.warn({ ...context, err: errorText(error) }, 'recap not posted; will retry on the next tick');
      return;
    }
    await ledger.put(key, {
      ...pending,
      state: 'sent',
      messageId,
      ...(live ? { contentHash: live.hash, facts: live.facts } : {}),
    });
    await writeLastRecap(options.store, key.guildId, {
      seasonId: key.seasonId,
      round: key.round,
      channelId: item.channelId,
      messageId,
      at: options.now().toISOString(),
    });
    report.sent++;
    log.info({ ...context, messageId }, 'recap sent');
  }

  async function revise(item: DueRecap, key: RecapKey, posted: LedgerEntry, report: TickReport) {
    const context = { ...key, channelId: posted.channelId, messageId: posted.messageId };
    let outcome: RevisionOutcome;
    try {
      outcome = await reviseRecap(item, key, posted, ledger, options.poster, options.now());
    } catch (error) {
      report.retryLater++;
      log.warn({ ...context, err: errorText(error) }, 'recap not edited; will retry on the next tick');
      return;
    }
    if (outcome.kind === 'edited') {
      report.edited++;
      log.info({ ...context, correction: outcome.correction }, 'recap edited: its results changed');
    } else if (outcome.kind === 'refused') {
      report.failed++;
      const { status, code } = outcome.error;
      log.warn(
        { ...context, status, code },
        outcome.breaksChannel
          ? 'recap edit refused for good; channel marked broken'
          : 'recap message is gone; it will not be edited again',
      );
      if (outcome.breaksChannel) await markBroken(item.guild, outcome.error);
    } else report.skipped++;
  }

  async function markBroken(guild: GuildSettings, error: PermanentPostError): Promise<void> {
    const current = (await settingsStore.get(guild.guildId)) ?? guild;
    // Only the channel that failed is marked; a channel changed meanwhile by /setup stays healthy.
    if (current.channelId !== guild.channelId) return;
    await settingsStore.save({
      ...current,
      broken: { at: options.now().toISOString(), code: error.code, reason: error.message.slice(0, 300) },
    });
  }

  async function tick(): Promise<TickReport> {
    const report: TickReport = {
      due: 0,
      sent: 0,
      skipped: 0,
      failed: 0,
      retryLater: 0,
      edited: 0,
      aborted: null,
    };
    let all: Awaited<ReturnType<SettingsStore['all']>>;
    let loss: DataLoss | null;
    const now = options.now();
    const seenBySeason = new Map<string, Map<number, RoundResultsSeen>>();
    try {
      if (!(await options.store.holdLease(LEASE, options.leaseMs ?? 60_000))) {
        report.aborted = 'another process holds the recap lease';
        return report;
      }
      loss = await settingsStore.epoch.check();
      all = await settingsStore.all();
      // Every loaded season, not only those servers announce: results imported before a server's /setup
      // are then known as landed at their time, not at the setup.
      for (const model of options.catalog.list())
        if (model.classifications.size > 0)
          seenBySeason.set(model.id, await resultsSeen.record(model.id, liveRoundStates(model), now));
    } catch (error) {
      report.aborted = errorText(error);
      log.error({ err: report.aborted }, 'recap tick skipped: storage unavailable');
      return report;
    }
    for (const problem of all.problems)
      log.error(
        { guildId: problem.guildId, err: problem.error.message },
        'settings unreadable; server skipped',
      );
    const due: DueRecap[] = [];
    for (const guild of all.settings) {
      const model = options.catalog.get(guild.seasonId);
      if (!model) {
        log.warn({ guildId: guild.guildId, seasonId: guild.seasonId }, 'announced season is not loaded');
        continue;
      }
      due.push(
        ...dueRecapsFor(
          guild,
          model,
          now,
          options.catchUpHours ?? DEFAULT_CATCH_UP_HOURS,
          seenBySeason.get(model.id),
        ),
      );
    }
    // After storage lost its data the ledger is gone too: a recap due before the loss was noticed may have
    // been posted already, so it is never posted again (an admin would rather miss one than see it twice).
    // Servers whose settings were lost post nothing until an admin runs /setup again; from then on, rounds
    // falling due are posted as usual.
    const postable = loss ? due.filter((item) => item.dueAt.getTime() >= Date.parse(loss.detectedAt)) : due;
    report.skipped += due.length - postable.length;
    // Oldest first, so a catch-up posts rounds in order.
    postable.sort(
      (a, b) => a.round.round - b.round.round || compareSnowflakes(a.guild.guildId, b.guild.guildId),
    );
    report.due = due.length;
    // A fan-out can outlast the lease (10,000 servers at 47/s is over 3.5 min): renew it while posting, and
    // stop if another process took it, so two pollers never post side by side (twice the REST rate).
    const leaseMs = options.leaseMs ?? 60_000;
    let renewedAt = Date.now();
    let lost = false;
    const keepLease = async () => {
      if (lost || Date.now() - renewedAt < leaseMs / 3) return !lost;
      renewedAt = Date.now();
      lost = !(await options.store.holdLease(LEASE, leaseMs).catch(() => false));
      if (lost) report.aborted = 'the recap lease was lost during the fan-out';
      return !lost;
    };
    await forEachLimited(postable, options.concurrency ?? 25, async (item) => {
      if (!(await keepLease())) return;
      try {
        await deliver(item, report);
      } catch (error) {
        report.retryLater++;
        log.error(
          { guildId: item.guild.guildId, round: item.round.round, err: errorText(error) },
          'recap delivery interrupted (storage?); nothing marked sent; will retry',
        );
      }
    });
    return report;
  }

  /** At a graceful stop: let another process take over polling at once. */
  async function release(): Promise<void> {
    await options.store.releaseLease(LEASE).catch(() => undefined);
  }

  return { tick, release };
}

const LEASE = 'recap-poller';

/** Each live round's content hash (a change reopens its window, so the posted recap gets edited) and end. */
function liveRoundStates(model: SeasonModel): Map<number, LiveRoundState> {
  const states = new Map<number, LiveRoundState>();
  for (const round of model.rounds) {
    const content = liveRecapContent(model, round);
    if (content) states.set(round.round, { hash: content.hash, endedAt: roundEndsAt(round) });
  }
  return states;
}

/** The one loud report of a detected loss of stored data (settings, ledger). */
export function reportDataLoss(log: PollLogger, loss: DataLoss): void {
  log.error(
    { detectedAt: loss.detectedAt, reason: loss.reason },
    'STORAGE LOST ITS DATA: every server’s settings and the recap ledger are gone. Recaps due before now will not be posted again; servers must run /setup announcements again. With Redis, enable persistence (appendonly yes).',
  );
}

async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type RecapPoller = ReturnType<typeof createRecapPoller>;
