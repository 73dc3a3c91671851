import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CorruptValueError, type KeyValueStore } from '../store/key-value-store.js';

/**
 * The durable record of one living standings post per (server, class), like the recap ledger: `pending`
 * (with the nonce) is written before the POST, `posted` (with the message id) after Discord answered; the
 * table last shown is remembered by fingerprint, so an edit happens only when the table changed.
 */
export const LivePostSchema = z.strictObject({
  guildId: z.string(),
  classId: z.string(),
  /** null: the default season, whichever it is. */
  seasonId: z.string().nullable(),
  channelId: z.string(),
  /** When /setup asked for it: part of the nonce, so asking again never meets an old post's nonce. */
  since: z.iso.datetime(),
  /**
   * new: asked for, nothing sent; deleted: deleted again after being posted again once; failed: refused;
   * stopped: `/setup off` (the message stays as it was, no longer edited).
   */
  state: z.enum(['new', 'pending', 'posted', 'deleted', 'failed', 'stopped']),
  nonce: z.string().max(25).nullable(),
  messageId: z.string().nullable(),
  /** Fingerprint of the message body shown now. */
  shown: z.string().nullable(),
  afterRound: z.number().int().nullable(),
  /** 0 for the first post; 1 once it was deleted and posted again. */
  reposts: z.number().int().nonnegative(),
  repostedAt: z.iso.datetime().nullable(),
  lastEditAt: z.iso.datetime().nullable(),
  /** When the message was last seen to exist (an edit, or a check while the table did not change). */
  checkedAt: z.iso.datetime().nullable(),
  pinned: z.boolean(),
  /** What /setup show should tell an admin (a deletion, a refusal). */
  note: z.string().nullable(),
});
export type LivePost = z.infer<typeof LivePostSchema>;

/** A living post as `/setup` records it before anything is posted: where it goes, nothing shown yet. */
export function newLivePost(
  where: Pick<LivePost, 'guildId' | 'classId' | 'seasonId' | 'channelId' | 'since'>,
): LivePost {
  return {
    ...where,
    state: 'new',
    nonce: null,
    messageId: null,
    shown: null,
    afterRound: null,
    reposts: 0,
    repostedAt: null,
    lastEditAt: null,
    checkedAt: null,
    pinned: false,
    note: null,
  };
}

const SET = 'live-standings';
const key = (guildId: string, classId: string) => `live-standings:${guildId}:${classId}`;

export class LivePostLedger {
  constructor(readonly store: KeyValueStore) {}

  async get(guildId: string, classId: string): Promise<LivePost | null> {
    const value = await this.store.get(key(guildId, classId));
    if (value === undefined || value === null) return null;
    const parsed = LivePostSchema.safeParse(value);
    if (!parsed.success)
      throw new CorruptValueError(`${key(guildId, classId)} is not a valid living post record`);
    return parsed.data;
  }

  async put(entry: LivePost): Promise<void> {
    await this.store.set(key(entry.guildId, entry.classId), LivePostSchema.parse(entry));
    await this.store.addToSet(SET, `${entry.guildId}:${entry.classId}`);
  }

  /** `/setup off`: every living post of the server stops being edited. Returns how many were live. */
  async stopGuild(guildId: string): Promise<number> {
    const live = (await this.ofGuild(guildId)).filter((post) => isKeptUp(post.state));
    for (const post of live) await this.put({ ...post, state: 'stopped', note: null });
    return live.length;
  }

  /** Every (server, class) with a living post, as `guildId:classId`. */
  members(): Promise<string[]> {
    return this.store.setMembers(SET);
  }

  async ofGuild(guildId: string): Promise<LivePost[]> {
    const classes = (await this.members())
      .filter((m) => m.startsWith(`${guildId}:`))
      .map((m) => m.slice(guildId.length + 1));
    const posts = await Promise.all(classes.map((c) => this.get(guildId, c)));
    return posts.filter((p): p is LivePost => p !== null);
  }
}

/** States in which the job still keeps the post up to date. */
export function isKeptUp(state: LivePost['state']): boolean {
  return state === 'new' || state === 'pending' || state === 'posted';
}

/**
 * The message nonce of one living post: server, class, channel and how many times it was posted again, so
 * a retried POST is deduplicated by Discord and a post made again after a deletion is not.
 */
export function livePostNonce(
  post: Pick<LivePost, 'guildId' | 'classId' | 'channelId' | 'since' | 'reposts'>,
): string {
  return createHash('sha256')
    .update(['live', post.guildId, post.classId, post.channelId, post.since, post.reposts].join('\u0000'))
    .digest('base64url')
    .slice(0, 25);
}
