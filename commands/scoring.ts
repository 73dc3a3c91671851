import { ApplicationCommandType } from 'discord-api-types/v10';
import type { Command } from '../src/core/command.js';
import { completeSeason, resolveSeason, seasonOption } from '../src/core/options.js';
import { buildReply, sharedReply } from '../src/core/reply.js';
import { replyLocale } from '../src/i18n/reply-locale.js';
import { buildScoringEmbed } from '../src/replies/scoring.js';

export const scoring = {
  pure: true,
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'scoring',
    description: 'Points tables and scoring rules',
    options: [seasonOption],
  },
  execute(options, context) {
    const model = resolveSeason(context, options);
    const locale = replyLocale(context.invoker);
    return sharedReply(model, `scoring:${locale}`, () =>
      buildReply({ embeds: [buildScoringEmbed(model, locale)] }),
    );
  },
  autocomplete(focused, _options, context) {
    return focused.name === 'season' ? completeSeason(context, focused.value) : [];
  },
} as const satisfies Command;
