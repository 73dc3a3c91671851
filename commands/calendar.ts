import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { createTimeline, type Timeline } from '../src/announce/timeline.js';
import type { Command, CommandContext } from '../src/core/command.js';
import { completeSeason, readBoolean, resolveSeason, seasonOption } from '../src/core/options.js';
import { buildReply, sharedReply } from '../src/core/reply.js';
import { t } from '../src/i18n/catalogue.js';
import { replyLocale } from '../src/i18n/reply-locale.js';
import { buildCalendarEmbed } from '../src/replies/calendar.js';
import { memoForModel } from '../src/replies/memo.js';
import { pictureFailed, winnersGridPicture } from '../src/replies/pictures.js';
import type { SafeText } from '../src/replies/safe-text.js';
import type { SeasonModel } from '../src/season/model.js';
import { StorageUnavailableError } from '../src/store/key-value-store.js';

/** A server replaying the season sees the replayed dates; storage trouble falls back to the real calendar. */
async function timelineFor(
  context: CommandContext,
  model: SeasonModel,
): Promise<{ timeline: Timeline; note: SafeText | null }> {
  const guildId = context.invoker.guildId;
  if (!guildId || !context.services) return { timeline: createTimeline(model, null), note: null };
  try {
    const { settings: store } = context.services;
    const recent = store.peekRecent(guildId); // null = no settings, undefined = not read recently
    const settings = recent !== undefined ? recent : await store.getRecent(guildId);
    const replay =
      settings && (settings.seasonId ?? context.seasons.defaultSeason().id) === model.id
        ? settings.replay
        : null;
    return { timeline: createTimeline(model, replay), note: null };
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    return {
      timeline: createTimeline(model, null),
      note: t(replyLocale(context.invoker), 'replies.calendar.settingsUnavailable'),
    };
  }
}

export const calendar = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'calendar',
    description: 'Rounds, circuits and dates; the next round',
    options: [
      seasonOption,
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'text',
        description: 'Text only, without the winners picture',
        required: false,
      },
    ],
  },
  async execute(options, context) {
    const model = resolveSeason(context, options);
    const locale = replyLocale(context.invoker);
    const { timeline, note } = await timelineFor(context, model);
    const now = context.now();
    // The winners grid shows only rounds already done on this server's timeline: a replay never spoils.
    const replay = timeline.replay ? `${timeline.replay.anchor}@${timeline.replay.speed}` : 'published';
    const ends = memoForModel(model, `calendar-ends:${replay}`, () =>
      model.rounds.map((r) => timeline.roundEndReal(r).getTime()),
    );
    const done = ends.filter((end) => end <= now.getTime()).length;
    const nextIndex = ends.findIndex((end) => end > now.getTime());
    const textOnly = readBoolean(options, 'text') || done === 0;
    const picture = textOnly ? null : await winnersGridPicture(model, done, locale).catch(pictureFailed);
    const build = () => {
      const embed = buildCalendarEmbed(model, now, locale, timeline);
      const extra = note ? { content: note } : {};
      // As /standings: without the picture the embed still answers in full.
      return picture
        ? buildReply({ embeds: [{ ...embed, image: picture.image }], files: [picture.file], ...extra })
        : buildReply({ embeds: [embed], ...extra });
    };
    if (note) return build();
    // `now` only decides which rounds are done and which is next (countdowns are Discord timestamps,
    // rendered by the client), so the reply is shared until a round ends.
    return sharedReply(
      model,
      `calendar:${locale}:${replay}:${done}:${nextIndex}:${picture ? 'picture' : 'text'}`,
      build,
    );
  },
  autocomplete(focused, _options, context) {
    return focused.name === 'season' ? completeSeason(context, focused.value) : [];
  },
} as const satisfies Command;
