import { ApplicationCommandType } from 'discord-api-types/v10';
import { roundComponents } from '../src/components/views.js';
import type { Command } from '../src/core/command.js';
import { readString, resolveSeason, seasonOption } from '../src/core/options.js';
import { buildReply, sharedReply } from '../src/core/reply.js';
import { completeRoundCommand, resolveRound, roundOption } from '../src/core/round-option.js';
import { replyLocale } from '../src/i18n/reply-locale.js';
import { buildResultsEmbed } from '../src/replies/results.js';

export const results = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'results',
    description: 'Who won each class at a round',
    options: [roundOption, seasonOption],
  },
  execute(options, context) {
    const model = resolveSeason(context, options);
    const round = resolveRound(model, options);
    const season = readString(options, 'season');
    const locale = replyLocale(context.invoker);
    return sharedReply(model, `results:${locale}:${round.round}:${season ?? ''}`, () =>
      buildReply({
        embeds: [buildResultsEmbed(model, round, locale)],
        components: roundComponents(model, 'results', season, round, locale),
      }),
    );
  },
  autocomplete: completeRoundCommand,
} as const satisfies Command;
