import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { type Command, UserError } from '../src/core/command.js';
import {
  completeSeason,
  hideOption,
  readBoolean,
  readString,
  resolveSeason,
  seasonOption,
} from '../src/core/options.js';
import { buildReply } from '../src/core/reply.js';
import { buildStandingsEmbed } from '../src/replies/standings.js';
import { quoteInput } from '../src/replies/text.js';

export const CLASS_CHOICES = [
  { name: 'Pro Cup', value: 'pro' },
  { name: 'Pro-Am Cup', value: 'pro-am' },
  { name: 'Gentlemen Trophy', value: 'gentlemen' },
] as const;

export const standings = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'standings',
    description: "A class's championship table, as published",
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'class',
        description: 'Which class',
        required: true,
        choices: [...CLASS_CHOICES],
      },
      seasonOption,
      hideOption,
    ],
  },
  execute(options, context) {
    const model = resolveSeason(context, options);
    const wanted = readString(options, 'class') ?? '';
    const classId = CLASS_CHOICES.find(
      (c) => c.value === wanted.toLowerCase() || c.name.toLowerCase() === wanted.toLowerCase(),
    )?.value;
    const table = classId ? model.standings.get(classId) : undefined;
    if (!table) {
      const known = model.classes.filter((c) => model.standings.has(c.id)).map((c) => c.id);
      throw new UserError(`There is no class ${quoteInput(wanted)} with standings in ${model.name}.`, known);
    }
    return buildReply({
      embeds: [buildStandingsEmbed(model, table)],
      ephemeral: readBoolean(options, 'hide'),
    });
  },
  autocomplete(focused, _options, context) {
    return focused.name === 'season' ? completeSeason(context, focused.value) : [];
  },
} as const satisfies Command;
