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
import { buildReply, sharedReply } from '../src/core/reply.js';
import { buildComputedStandingsEmbed } from '../src/replies/computed-standings.js';
import { pictureFailed, standingsPicture } from '../src/replies/pictures.js';
import { progressionReply } from '../src/replies/progression.js';
import { buildStandingsEmbed } from '../src/replies/standings.js';
import { quoteInput, safe } from '../src/replies/text.js';
import { classesWithStandings, computedStandingsFor } from '../src/season/computed-table.js';

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
        max_length: 20,
      },
      seasonOption,
      hideOption,
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'text',
        description: 'Text only, without the picture',
        required: false,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'chart',
        description: 'Points progression by round for the top 6, instead of the table',
        required: false,
      },
    ],
  },
  async execute(options, context) {
    const model = resolveSeason(context, options);
    const wanted = readString(options, 'class') ?? '';
    const classId = CLASS_CHOICES.find(
      (c) => c.value === wanted.toLowerCase() || c.name.toLowerCase() === wanted.toLowerCase(),
    )?.value;
    // Published tables stay authoritative; a class without one shows the table computed from its rounds.
    const computed = classId && !model.standings.has(classId) ? computedStandingsFor(model, classId) : null;
    const table = classId ? (model.standings.get(classId) ?? computed?.table) : undefined;
    if (!table) {
      const known = classesWithStandings(model);
      throw new UserError(
        `There is no class ${quoteInput(wanted)} with standings in ${safe(model.name)}.`,
        known,
      );
    }
    if (readBoolean(options, 'chart')) return progressionReply(model, table.classId, options);
    const embed = computed ? buildComputedStandingsEmbed(model, computed) : buildStandingsEmbed(model, table);
    const ephemeral = readBoolean(options, 'hide');
    const textOnly = () =>
      sharedReply(model, `standings:${table.classId}:${ephemeral}`, () =>
        buildReply({ embeds: [embed], ephemeral }),
      );
    if (readBoolean(options, 'text')) return textOnly();
    // The embed keeps the full text table (screen readers, search); the picture is the at-a-glance view,
    // so a picture that cannot be drawn leaves a complete text answer rather than an error.
    const picture = await standingsPicture(model, table).catch(pictureFailed);
    if (!picture) return textOnly();
    return sharedReply(model, `standings-picture:${table.classId}:${ephemeral}`, () =>
      buildReply({ embeds: [{ ...embed, image: picture.image }], files: [picture.file], ephemeral }),
    );
  },
  autocomplete(focused, _options, context) {
    return focused.name === 'season' ? completeSeason(context, focused.value) : [];
  },
} as const satisfies Command;
