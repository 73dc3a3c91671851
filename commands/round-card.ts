import { ApplicationCommandType } from 'discord-api-types/v10';
import { roundComponents } from '../src/components/views.js';
import type { Command } from '../src/core/command.js';
import { readString, resolveSeason, seasonOption } from '../src/core/options.js';
import { buildReply, sharedReply } from '../src/core/reply.js';
import { completeRoundCommand, resolveRound, roundOption } from '../src/core/round-option.js';
import type { Locale } from '../src/i18n/locale.js';
import { replyLocale } from '../src/i18n/reply-locale.js';
import type { SafeEmbed } from '../src/replies/safe-text.js';
import type { Round, SeasonModel } from '../src/season/model.js';

/** /results and /recap: one card about one round, with the round's ◀ ▶ buttons; memoised per language. */
export function roundCardCommand<Name extends 'results' | 'recap'>(
  name: Name,
  description: string,
  buildEmbed: (model: SeasonModel, round: Round, locale: Locale) => SafeEmbed,
) {
  return {
    pure: true,
    definition: {
      type: ApplicationCommandType.ChatInput,
      name,
      description,
      options: [roundOption, seasonOption],
    },
    execute(options, context) {
      const model = resolveSeason(context, options);
      const round = resolveRound(model, options);
      const season = readString(options, 'season');
      const locale = replyLocale(context.invoker);
      return sharedReply(model, `${name}:${locale}:${round.round}:${season ?? ''}`, () =>
        buildReply({
          embeds: [buildEmbed(model, round, locale)],
          components: roundComponents(model, name, season, round, locale),
        }),
      );
    },
    autocomplete: completeRoundCommand,
  } as const satisfies Command;
}
