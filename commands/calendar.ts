import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { createTimeline, type Timeline } from '../src/announce/timeline.js';
import type { Command, CommandContext, Reply } from '../src/core/command.js';
import { completeSeason, readBoolean, resolveSeason, seasonOption } from '../src/core/options.js';
import { buildReply, builtSharedReply, sharedReply } from '../src/core/reply.js';
import { t } from '../src/i18n/catalogue.js';
import type { Locale } from '../src/i18n/locale.js';
import { replyLocale } from '../src/i18n/reply-locale.js';
import { buildCalendarEmbed } from '../src/replies/calendar.js';
import { memoForModel } from '../src/replies/memo.js';
import { pictureFailed, winnersGridPicture } from '../src/replies/pictures.js';
import type { SafeText } from '../src/replies/safe-text.js';
import type { SeasonModel } from '../src/season/model.js';
import { StorageUnavailableError } from '../src/store/key-value-store.js';
import type { Replay } from '../src/store/settings-store.js';

interface TimelineAnswer {
  timeline: Timeline;
  note: SafeText | null;
}

/**
 * A server replaying the season sees the replayed dates; storage trouble falls back to the real calendar.
 * Settings read recently are answered without waiting, so a warm /calendar never awaits (and its handler
 * settles before the deadline timer would be set, see runWithDeadline).
 */
function timelineFor(context: CommandContext, model: SeasonModel): TimelineAnswer | Promise<TimelineAnswer> {
  const guildId = context.invoker.guildId;
  if (!guildId || !context.services) return { timeline: timelineOfReplay(model, null), note: null };
  const { settings: store } = context.services;
  try {
    const recent = store.peekRecent(guildId); // null = no settings, undefined = not read recently
    if (recent !== undefined) return timelineOf(context, model, recent);
  } catch (error) {
    return storageTrouble(context, model, error);
  }
  return store.getRecent(guildId).then(
    (settings) => timelineOf(context, model, settings),
    (error: unknown) => storageTrouble(context, model, error),
  );
}

function timelineOf(
  context: CommandContext,
  model: SeasonModel,
  settings: Awaited<ReturnType<NonNullable<CommandContext['services']>['settings']['getRecent']>>,
): TimelineAnswer {
  const replay =
    settings && (settings.seasonId ?? context.seasons.defaultSeason().id) === model.id
      ? settings.replay
      : null;
  return { timeline: timelineOfReplay(model, replay), note: null };
}

/**
 * One timeline per model and replay, built once: a timeline is a set of closures, and the bundle names each
 * closure it creates (keepNames), a cost every /calendar would otherwise pay for the same answer.
 */
function timelineOfReplay(model: SeasonModel, replay: Replay | null): Timeline {
  const key = replay ? `${replay.anchor}@${replay.speed}` : 'published';
  return memoForModel(model, `calendar-timeline:${key}`, () => createTimeline(model, replay));
}

function storageTrouble(context: CommandContext, model: SeasonModel, error: unknown): TimelineAnswer {
  if (!(error instanceof StorageUnavailableError)) throw error;
  return {
    timeline: timelineOfReplay(model, null),
    note: t(replyLocale(context.invoker), 'replies.calendar.settingsUnavailable'),
  };
}

type GridPicture = Awaited<ReturnType<typeof winnersGridPicture>>;

/**
 * As /standings: without the picture the embed still answers in full. A module function, not a closure in
 * `execute`: the bundle names every closure it creates (keepNames), which a shared reply would pay for
 * on every request.
 */
function calendarReply(
  model: SeasonModel,
  now: Date,
  locale: Locale,
  timeline: Timeline,
  picture: GridPicture | null,
  note: SafeText | null,
) {
  const embed = buildCalendarEmbed(model, now, locale, timeline);
  const extra = note ? { content: note } : {};
  return picture
    ? buildReply({ embeds: [{ ...embed, image: picture.image }], files: [picture.file], ...extra })
    : buildReply({ embeds: [embed], ...extra });
}

function calendarAnswer(
  model: SeasonModel,
  now: Date,
  locale: Locale,
  { timeline, note }: TimelineAnswer,
  text: boolean,
): Reply | Promise<Reply> {
  // The winners grid shows only rounds already done on this server's timeline: a replay never spoils.
  const replay = timeline.replay ? `${timeline.replay.anchor}@${timeline.replay.speed}` : 'published';
  const ends = memoForModel(model, `calendar-ends:${replay}`, () =>
    model.rounds.map((r) => timeline.roundEndReal(r).getTime()),
  );
  const done = ends.filter((end) => end <= now.getTime()).length;
  const nextIndex = ends.findIndex((end) => end > now.getTime());
  // `now` only decides which rounds are done and which is next (countdowns are Discord timestamps,
  // rendered by the client), so the reply is shared until a round ends.
  const key = `calendar:${locale}:${replay}:${done}:${nextIndex}`;
  if (text || done === 0) {
    return note
      ? calendarReply(model, now, locale, timeline, null, note)
      : sharedReply(model, `${key}:text`, () => calendarReply(model, now, locale, timeline, null, null));
  }
  return (
    (note ? undefined : builtSharedReply(model, `${key}:picture`)) ??
    pictureAnswer(model, now, locale, timeline, note, done, key)
  );
}

async function pictureAnswer(
  model: SeasonModel,
  now: Date,
  locale: Locale,
  timeline: Timeline,
  note: SafeText | null,
  done: number,
  key: string,
): Promise<Reply> {
  const picture = await winnersGridPicture(model, done, locale).catch(pictureFailed);
  if (note) return calendarReply(model, now, locale, timeline, picture, note);
  return sharedReply(model, `${key}:${picture ? 'picture' : 'text'}`, () =>
    calendarReply(model, now, locale, timeline, picture, null),
  );
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
  // Not async: a warm answer (settings read recently, a text reply or a picture already built) is returned
  // as is, so the handler settles at once and no deadline timer or extra promise is made for it.
  execute(options, context) {
    const model = resolveSeason(context, options);
    const locale = replyLocale(context.invoker);
    const answer = timelineFor(context, model);
    const textOnly = readBoolean(options, 'text');
    return answer instanceof Promise
      ? answer.then((settled) => calendarAnswer(model, context.now(), locale, settled, textOnly))
      : calendarAnswer(model, context.now(), locale, answer, textOnly);
  },
  autocomplete(focused, _options, context) {
    return focused.name === 'season' ? completeSeason(context, focused.value) : [];
  },
} as const satisfies Command;
