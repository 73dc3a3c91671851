import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { createTimeline, type Timeline } from '../src/announce/timeline.js';
import type { Command, CommandContext } from '../src/core/command.js';
import { completeSeason, readBoolean, resolveSeason, seasonOption } from '../src/core/options.js';
import { buildReply } from '../src/core/reply.js';
import { buildCalendarEmbed } from '../src/replies/calendar.js';
import { winnersGridPicture } from '../src/replies/pictures.js';
import type { SeasonModel } from '../src/season/model.js';
import { StorageUnavailableError } from '../src/store/key-value-store.js';

/** A server replaying the season sees the replayed dates; storage trouble falls back to the real calendar. */
async function timelineFor(
  context: CommandContext,
  model: SeasonModel,
): Promise<{ timeline: Timeline; note: string | null }> {
  const guildId = context.invoker.guildId;
  if (!guildId || !context.services) return { timeline: createTimeline(model, null), note: null };
  try {
    const settings = await context.services.settings.getRecent(guildId);
    const replay =
      settings && (settings.seasonId ?? context.seasons.defaultSeason().id) === model.id
        ? settings.replay
        : null;
    return { timeline: createTimeline(model, replay), note: null };
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    return {
      timeline: createTimeline(model, null),
      note: 'Settings are unavailable right now: showing the real calendar, not this server’s replay.',
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
    const { timeline, note } = await timelineFor(context, model);
    const now = context.now();
    const embed = buildCalendarEmbed(model, now, timeline);
    const extra = note ? { content: note } : {};
    // The winners grid shows only rounds already done on this server's timeline: a replay never spoils.
    const done = model.rounds.filter((r) => timeline.roundEndReal(r).getTime() <= now.getTime()).length;
    if (readBoolean(options, 'text') || done === 0) return buildReply({ embeds: [embed], ...extra });
    // As /standings: without the picture the embed still answers in full.
    const picture = await winnersGridPicture(model, done).catch(() => null);
    if (!picture) return buildReply({ embeds: [embed], ...extra });
    return buildReply({ embeds: [{ ...embed, image: picture.image }], files: [picture.file], ...extra });
  },
  autocomplete(focused, _options, context) {
    return focused.name === 'season' ? completeSeason(context, focused.value) : [];
  },
} as const satisfies Command;
