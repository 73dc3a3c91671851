import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
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
import { completeRound } from '../src/core/round-option.js';
import { t } from '../src/i18n/catalogue.js';
import type { Locale } from '../src/i18n/locale.js';
import { replyLocale } from '../src/i18n/reply-locale.js';
import { quoteInput, safe } from '../src/replies/text.js';
import { buildPublishedTitleEmbed, buildTitleEmbed } from '../src/replies/title.js';
import { classesWithStandings } from '../src/season/computed-table.js';
import type { SeasonModel } from '../src/season/model.js';
import { latestClassifiedRound } from '../src/season/standings-engine.js';
import { titleRace } from '../src/season/title-race.js';
import { CLASS_CHOICES } from './standings.js';

export const title = {
  pure: true,
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'title',
    description: 'Who can still win a class title, and what each contender needs at the next round',
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
        description: 'As it stood after this round (default: the latest with results)',
        required: false,
        min_value: 1,
        autocomplete: true,
      },
      seasonOption,
      hideOption,
    ],
  },
  execute(options, context) {
    const model = resolveSeason(context, options);
    const locale = replyLocale(context.invoker);
    const classId = resolveClass(model, readString(options, 'class') ?? '', locale);
    const asked = readInteger(options, 'round');
    const ephemeral = readBoolean(options, 'hide');
    if (asked !== null && (asked < 1 || asked > model.rounds.length))
      throw new UserError(
        t(locale, 'replies.standings.noRound', {
          round: asked,
          season: safe(model.name),
          count: model.rounds.length,
        }),
        model.rounds.map((r) => `${r.round} (${r.short_name})`),
      );
    const published = model.standings.get(classId);
    if (published)
      return sharedReply(model, `title:${locale}:${classId}:published:${asked}:${ephemeral}`, () =>
        buildReply({ embeds: [buildPublishedTitleEmbed(model, published, asked, locale)], ephemeral }),
      );
    const latest = latestClassifiedRound(model, classId) as number;
    if (asked !== null && asked > latest)
      throw new UserError(
        t(locale, 'replies.title.noResultsYet', {
          round: asked,
          latest,
          name: safe(model.rounds[latest - 1]?.short_name ?? ''),
        }),
        Array.from({ length: latest }, (_, i) => `${i + 1} (${model.rounds[i]?.short_name ?? ''})`),
      );
    const round = asked ?? latest;
    return sharedReply(model, `title:${locale}:${classId}:${round}:${ephemeral}`, () =>
      buildReply({ embeds: [buildTitleEmbed(model, titleRace(model, classId, round), locale)], ephemeral }),
    );
  },
  autocomplete(focused, options, context) {
    if (focused.name === 'season') return completeSeason(context, focused.value);
    const model = context.seasons.get(readString(options, 'season'));
    return model && focused.name === 'round' ? completeRound(model, focused.value) : [];
  },
} as const satisfies Command;

/** The class asked for, by id or name, among those with a table (published or computed). */
export function resolveClass(model: SeasonModel, wanted: string, locale: Locale): string {
  const classId = classesByName(model).get(wanted.toLowerCase());
  if (classId === undefined)
    throw new UserError(
      t(locale, 'replies.standings.noClass', { typed: quoteInput(wanted), season: safe(model.name) }),
      classesWithStandings(model),
    );
  return classId;
}

const byModel = new WeakMap<SeasonModel, ReadonlyMap<string, string>>();

/** Lower-cased ids and names of the classes with a table, to their ids (built once per model). */
function classesByName(model: SeasonModel): ReadonlyMap<string, string> {
  let names = byModel.get(model);
  if (!names) {
    const known = classesWithStandings(model);
    names = new Map(
      CLASS_CHOICES.filter((c) => known.includes(c.value)).flatMap((c) => [
        [c.value, c.value],
        [c.name.toLowerCase(), c.value],
      ]),
    );
    byModel.set(model, names);
  }
  return names;
}
