import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { standingsComponents } from '../src/components/views.js';
import { type Command, UserError } from '../src/core/command.js';
import {
  completeSeason,
  hideOption,
  readBoolean,
  readInteger,
  readString,
  resolveSeason,
  seasonOption,
} from '../src/core/options.js';
import { buildReply, sharedReply } from '../src/core/reply.js';
import { plainClassName } from '../src/replies/common.js';
import { buildComputedStandingsPage } from '../src/replies/computed-standings.js';
import { pictureFailed, standingsPicture } from '../src/replies/pictures.js';
import { buildStandingsPage } from '../src/replies/standings.js';
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
    // `page` is set only by the reply's own buttons (src/components), never typed: it is not in the definition.
    const asked = readInteger(options, 'page');
    const { embed, page, pages } = computed
      ? buildComputedStandingsPage(model, computed, asked)
      : buildStandingsPage(model, table, asked);
    const ephemeral = readBoolean(options, 'hide');
    const season = readString(options, 'season');
    const components = (text: boolean) =>
      standingsComponents(model, {
        classId: table.classId,
        season,
        page,
        pages,
        text,
        classes: classesWithStandings(model)
          .filter((id) => CLASS_CHOICES.some((c) => c.value === id))
          .map((id) => ({ id, name: plainClassName(model, id) })),
      });
    const key = `${table.classId}:${page}:${season ?? ''}:${ephemeral}`;
    const textOnly = () =>
      sharedReply(model, `standings:${key}`, () =>
        buildReply({ embeds: [embed], ephemeral, components: components(true) }),
      );
    if (readBoolean(options, 'text')) return textOnly();
    // The embed keeps the full text table (screen readers, search); the picture is the at-a-glance view,
    // so a picture that cannot be drawn leaves a complete text answer rather than an error.
    const picture = await standingsPicture(model, table).catch(pictureFailed);
    if (!picture) return textOnly();
    return sharedReply(model, `standings-picture:${key}`, () =>
      buildReply({
        embeds: [{ ...embed, image: picture.image }],
        files: [picture.file],
        ephemeral,
        components: components(false),
      }),
    );
  },
  autocomplete(focused, _options, context) {
    return focused.name === 'season' ? completeSeason(context, focused.value) : [];
  },
} as const satisfies Command;
