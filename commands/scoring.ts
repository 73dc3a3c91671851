import { ApplicationCommandType } from 'discord-api-types/v10';
import type { Command } from '../src/core/command.js';
import { completeSeason, resolveSeason, seasonOption } from '../src/core/options.js';
import { buildReply } from '../src/core/reply.js';
import { buildScoringEmbed } from '../src/replies/scoring.js';

export const scoring = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'scoring',
    description: 'Points tables and scoring rules',
    options: [seasonOption],
  },
  execute(options, context) {
    return buildReply({ embeds: [buildScoringEmbed(resolveSeason(context, options))] });
  },
  autocomplete(focused, _options, context) {
    return focused.name === 'season' ? completeSeason(context, focused.value) : [];
  },
} as const satisfies Command;
