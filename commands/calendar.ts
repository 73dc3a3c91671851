import { ApplicationCommandType } from 'discord-api-types/v10';
import type { Command } from '../src/core/command.js';
import { completeSeason, resolveSeason, seasonOption } from '../src/core/options.js';
import { buildReply } from '../src/core/reply.js';
import { buildCalendarEmbed } from '../src/replies/calendar.js';

export const calendar = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'calendar',
    description: 'Rounds, circuits and dates; the next round',
    options: [seasonOption],
  },
  execute(options, context) {
    const model = resolveSeason(context, options);
    return buildReply({ embeds: [buildCalendarEmbed(model, context.now())] });
  },
  autocomplete(focused, _options, context) {
    return focused.name === 'season' ? completeSeason(context, focused.value) : [];
  },
} as const satisfies Command;
