import type {
  RESTPatchAPIChannelMessageJSONBody,
  RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import { buildReply } from '../core/reply.js';
import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import { buildLiveRecapEmbed } from '../replies/live-recap.js';
import { buildRecapEmbed } from '../replies/recap.js';
import type { Round, SeasonModel } from '../season/model.js';
import type { LiveRecap } from './recap-facts.js';

/**
 * The automatic recap: the same card as /recap, with the nonce that makes retries safe. Mentions nobody,
 * unless the server opted into one role — then only that role may be pinged.
 */
export function buildRecapMessage(
  model: SeasonModel,
  round: Round,
  nonce: string,
  mentionRoleId: string | null,
  locale: Locale,
): RESTPostAPIChannelMessageJSONBody {
  return { ...recapBody(model, round, mentionRoleId, null, locale), nonce, enforce_nonce: true };
}

/**
 * The body that replaces a posted live recap after its results changed: the recap as it now reads, with a
 * line saying what changed. The same mentions rule as the post (an edit pings nobody anew).
 */
export function buildRecapEdit(
  model: SeasonModel,
  round: Round,
  recap: LiveRecap,
  mentionRoleId: string | null,
  correction: string,
  locale: Locale,
): RESTPatchAPIChannelMessageJSONBody {
  return recapBody(model, round, mentionRoleId, { recap, correction }, locale);
}

function recapBody(
  model: SeasonModel,
  round: Round,
  mentionRoleId: string | null,
  edit: { recap: LiveRecap; correction: string } | null,
  locale: Locale,
): RESTPostAPIChannelMessageJSONBody & RESTPatchAPIChannelMessageJSONBody {
  const embed = edit
    ? buildLiveRecapEmbed(model, round, edit.recap, locale, edit.correction)
    : buildRecapEmbed(model, round, locale);
  const reply = buildReply({ embeds: [embed] });
  const body: RESTPostAPIChannelMessageJSONBody & RESTPatchAPIChannelMessageJSONBody = {
    embeds: reply.data.embeds,
    allowed_mentions: mentionRoleId ? { parse: [], roles: [mentionRoleId] } : { parse: [] },
  };
  if (mentionRoleId)
    body.content = `<@&${mentionRoleId}> ${t(locale, 'replies.recap.mention', { round: round.round })}`;
  return body;
}
