import { createHash } from 'node:crypto';
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { NO_MENTIONS } from '../core/callback-json.js';
import { buildReply } from '../core/reply.js';
import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import { buildComputedStandingsPage } from '../replies/computed-standings.js';
import { md, safe } from '../replies/safe-text.js';
import { buildStandingsPage } from '../replies/standings.js';
import { computedStandingsFor } from '../season/computed-table.js';
import type { SeasonModel } from '../season/model.js';

export interface LiveStandingsBody {
  body: RESTPostAPIChannelMessageJSONBody;
  /** Changes exactly when what the message shows changes. */
  fingerprint: string;
  afterRound: number;
}

/**
 * The living post of a class, in the server's language: page 1 of the class table as /standings shows it (text, no picture: an
 * edit then costs one small request), headed "Updated after round N". Null when the class has no table.
 * No buttons: they would carry the data version and go stale with every unrelated data change.
 */
export function buildLiveStandingsBody(
  model: SeasonModel,
  classId: string,
  locale: Locale,
): LiveStandingsBody | null {
  const computed = model.standings.has(classId) ? null : computedStandingsFor(model, classId);
  const table = model.standings.get(classId) ?? computed?.table;
  if (!table) return null;
  const { embed, pages } = computed
    ? buildComputedStandingsPage(model, computed, null, locale)
    : buildStandingsPage(model, table, null, locale);
  const afterRound = computed
    ? computed.computed.afterRound
    : Math.max(0, ...table.columns.map((c) => c.round));
  const round = model.rounds[afterRound - 1];
  const updated = round
    ? t(locale, 'replies.livePost.updated', { round: afterRound, name: safe(round.short_name) })
    : t(locale, 'replies.livePost.updatedNoName', { round: afterRound });
  const content =
    pages > 1
      ? md`${updated} ${t(locale, 'replies.livePost.wholeTable', { class: safe(classId) })}`
      : updated;
  const { data } = buildReply({ content, embeds: [embed] });
  const body: RESTPostAPIChannelMessageJSONBody = {
    content: data.content ?? '',
    embeds: data.embeds ?? [],
    allowed_mentions: NO_MENTIONS,
  };
  const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 16);
  return { body, fingerprint, afterRound };
}
