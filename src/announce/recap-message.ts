import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { buildReply } from '../core/reply.js';
import { buildRecapEmbed } from '../replies/recap.js';
import type { Round, SeasonModel } from '../season/model.js';

/**
 * The automatic recap: the same card as /recap, with the nonce that makes retries safe. Mentions nobody,
 * unless the server opted into one role — then only that role may be pinged.
 */
export function buildRecapMessage(
  model: SeasonModel,
  round: Round,
  nonce: string,
  mentionRoleId: string | null,
): RESTPostAPIChannelMessageJSONBody {
  const reply = buildReply({ embeds: [buildRecapEmbed(model, round)] });
  const body: RESTPostAPIChannelMessageJSONBody = {
    embeds: reply.data.embeds,
    allowed_mentions: mentionRoleId ? { parse: [], roles: [mentionRoleId] } : { parse: [] },
    nonce,
    enforce_nonce: true,
  };
  if (mentionRoleId) body.content = `<@&${mentionRoleId}> Round ${round.round} recap`;
  return body;
}
