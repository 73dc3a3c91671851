import { ApplicationCommandType } from 'discord-api-types/v10';
import type { Command } from '../src/core/command.js';
import { completeSeason, readString, resolveSeason, seasonOption } from '../src/core/options.js';
import { buildReply } from '../src/core/reply.js';
import { completeRound, resolveRound, roundOption } from '../src/core/round-option.js';
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
    return buildReply({ embeds: [buildResultsEmbed(model, resolveRound(model, options))] });
  },
  autocomplete(focused, options, context) {
    if (focused.name === 'season') return completeSeason(context, focused.value);
    const model = context.seasons.get(readString(options, 'season'));
    return model && focused.name === 'round' ? completeRound(model, focused.value) : [];
  },
} as const satisfies Command;
