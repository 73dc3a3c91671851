import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { type StandingsView, standingsComponents } from '../src/components/views.js';
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
import { buildReply, builtSharedReply, sharedReply } from '../src/core/reply.js';
import { completeRound } from '../src/core/round-option.js';
import { t } from '../src/i18n/catalogue.js';
import type { Locale } from '../src/i18n/locale.js';
import { replyLocale } from '../src/i18n/reply-locale.js';
import { plainClassName } from '../src/replies/common.js';
import { buildComputedStandingsPage, movementMarks } from '../src/replies/computed-standings.js';
import { pictureFailed, standingsPicture } from '../src/replies/pictures.js';
import { progressionReply } from '../src/replies/progression.js';
import type { SafeEmbed } from '../src/replies/safe-text.js';
import { buildStandingsPage } from '../src/replies/standings.js';
import { quoteInput, safe } from '../src/replies/text.js';
import { classesWithStandings, computedStandingsFor } from '../src/season/computed-table.js';
import type { SeasonModel } from '../src/season/model.js';
import { latestClassifiedRound } from '../src/season/standings-engine.js';

export const CLASS_CHOICES = [
  { name: 'Pro Cup', value: 'pro' },
  { name: 'Pro-Am Cup', value: 'pro-am' },
  { name: 'Gentlemen Trophy', value: 'gentlemen' },
] as const;

export const standings = {
  pure: true,
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
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'round',
        description: 'The table after this round (default: the latest); computed seasons only',
        required: false,
        min_value: 1,
        autocomplete: true,
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
  // Not async: a warm reply (text, or a picture already built) is returned as is, so the handler settles
  // at once and no deadline timer or extra promise is made for it (see runWithDeadline).
  execute(options, context) {
    const model = resolveSeason(context, options);
    const locale = replyLocale(context.invoker);
    const wanted = readString(options, 'class') ?? '';
    const classId = CLASS_CHOICES.find(
      (c) => c.value === wanted.toLowerCase() || c.name.toLowerCase() === wanted.toLowerCase(),
    )?.value;
    const afterRound = classId ? standingsRound(model, classId, readInteger(options, 'round'), locale) : null;
    // Published tables stay authoritative; a class without one shows the table computed from its rounds.
    const computed =
      classId && !model.standings.has(classId)
        ? computedStandingsFor(model, classId, afterRound ?? undefined)
        : null;
    const table = classId ? (model.standings.get(classId) ?? computed?.table) : undefined;
    if (!table) {
      const known = classesWithStandings(model);
      throw new UserError(
        t(locale, 'replies.standings.noClass', { typed: quoteInput(wanted), season: safe(model.name) }),
        known,
      );
    }
    if (readBoolean(options, 'chart')) return progressionReply(model, table.classId, options, locale);
    // `page` is set only by the reply's own buttons (src/components), never typed: it is not in the definition.
    const asked = readInteger(options, 'page');
    const { embed, page, pages } = computed
      ? buildComputedStandingsPage(model, computed, asked, locale)
      : buildStandingsPage(model, table, asked, locale);
    const ephemeral = readBoolean(options, 'hide');
    const season = readString(options, 'season');
    const view = { classId: table.classId, season, round: afterRound, page, pages, locale };
    const after = computed ? `:after-${computed.computed.afterRound}` : '';
    const key = `${locale}:${table.classId}${after}:${page}:${season ?? ''}:${afterRound ?? ''}:${ephemeral}`;
    if (readBoolean(options, 'text')) return textOnlyReply(model, key, embed, ephemeral, view);
    return (
      builtSharedReply(model, `standings-picture:${key}`) ??
      pictureReply(model, table, computed, key, embed, ephemeral, view)
    );
  },
  autocomplete(focused, options, context) {
    if (focused.name === 'season') return completeSeason(context, focused.value);
    const model = context.seasons.get(readString(options, 'season'));
    return model && focused.name === 'round' ? completeRound(model, focused.value) : [];
  },
} as const satisfies Command;

/**
 * The buttons of a standings reply, built only when the reply itself is (the reply is shared). Module
 * functions rather than closures in `execute`: the bundle names every closure it creates (keepNames), a
 * property definition on each request that a memo hit would pay for nothing.
 */
function viewComponents(model: SeasonModel, view: Omit<StandingsView, 'text' | 'classes'>, text: boolean) {
  return standingsComponents(model, {
    ...view,
    text,
    classes: classesWithStandings(model)
      .filter((id) => CLASS_CHOICES.some((c) => c.value === id))
      .map((id) => ({ id, name: plainClassName(model, id) })),
  });
}

/**
 * The embed keeps the full text table (screen readers, search); the picture is the at-a-glance view, so a
 * picture that cannot be drawn leaves a complete text answer rather than an error.
 */
async function pictureReply(
  model: SeasonModel,
  table: Parameters<typeof standingsPicture>[1],
  computed: ReturnType<typeof computedStandingsFor> | null,
  key: string,
  embed: SafeEmbed,
  ephemeral: boolean,
  view: Omit<StandingsView, 'text' | 'classes'>,
) {
  const picture = await standingsPicture(
    model,
    table,
    view.locale,
    computed
      ? { afterRound: computed.computed.afterRound, movement: movementMarks(computed.computed, view.locale) }
      : undefined,
  ).catch(pictureFailed);
  if (!picture) return textOnlyReply(model, key, embed, ephemeral, view);
  return sharedReply(model, `standings-picture:${key}`, () =>
    buildReply({
      embeds: [{ ...embed, image: picture.image }],
      files: [picture.file],
      ephemeral,
      components: viewComponents(model, view, false),
    }),
  );
}

function textOnlyReply(
  model: SeasonModel,
  key: string,
  embed: SafeEmbed,
  ephemeral: boolean,
  view: Omit<StandingsView, 'text' | 'classes'>,
) {
  return sharedReply(model, `standings:${key}`, () =>
    buildReply({ embeds: [embed], ephemeral, components: viewComponents(model, view, true) }),
  );
}

/**
 * The round a table is asked after: null for the default (the latest). Published tables are final tables,
 * so only their last round can be asked for; a computed table exists after any round up to the latest
 * with results.
 */
function standingsRound(
  model: SeasonModel,
  classId: string,
  asked: number | null,
  locale: Locale,
): number | null {
  if (asked === null) return null;
  const round = model.rounds[asked - 1];
  if (!round || asked < 1)
    throw new UserError(
      t(locale, 'replies.standings.noRound', {
        round: asked,
        season: safe(model.name),
        count: model.rounds.length,
      }),
    );
  if (model.standings.has(classId)) {
    if (asked === model.rounds.length) return null;
    throw new UserError(
      t(locale, 'replies.standings.finalOnly', { season: safe(model.name), count: model.rounds.length }),
    );
  }
  const latest = latestClassifiedRound(model, classId);
  if (latest !== null && asked > latest)
    throw new UserError(
      t(locale, 'replies.standings.noResultsYet', { round: asked, where: safe(round.short_name), latest }),
    );
  // The latest round is the default table: one reply (and one set of buttons) for both ways of asking.
  return asked === latest ? null : asked;
}
