import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
} from 'discord-api-types/v10';
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
import { t } from '../src/i18n/catalogue.js';
import type { Locale } from '../src/i18n/locale.js';
import { replyLocale } from '../src/i18n/reply-locale.js';
import { nameChoices } from '../src/replies/choices.js';
import { buildCompareEmbed, buildPublishedCompareEmbed } from '../src/replies/compare.js';
import { memoForModel } from '../src/replies/memo.js';
import { quoteInput, safe } from '../src/replies/text.js';
import { headToHead } from '../src/season/head-to-head.js';
import type { SeasonModel } from '../src/season/model.js';
import { lookupPerson } from '../src/season/queries.js';
import { closestNames } from '../src/season/search.js';

const driverOption = (name: 'a' | 'b', description: string) =>
  ({
    type: ApplicationCommandOptionType.String,
    name,
    description,
    required: true,
    autocomplete: true,
    max_length: 100,
  }) as const satisfies APIApplicationCommandBasicOption;

export const compare = {
  pure: true,
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'compare',
    description: 'Two drivers head to head: each stage, points, shared cars, the gap over time',
    options: [
      driverOption('a', 'First driver'),
      driverOption('b', 'Second driver'),
      seasonOption,
      hideOption,
    ],
  },
  execute(options, context) {
    const model = resolveSeason(context, options);
    const locale = replyLocale(context.invoker);
    const a = resolveDriver(model, readString(options, 'a'), locale);
    const b = resolveDriver(model, readString(options, 'b'), locale);
    if (a === b) throw new UserError(t(locale, 'replies.compare.samePerson'));
    const ephemeral = readBoolean(options, 'hide');
    return sharedReply(model, `compare:${locale}:${a}:${b}:${ephemeral}`, () => {
      const h2h = headToHead(model, a, b);
      const embed =
        h2h.kind === 'published'
          ? buildPublishedCompareEmbed(model, a, b, h2h, locale)
          : buildCompareEmbed(model, a, b, h2h, locale);
      return buildReply({ embeds: [embed], ephemeral });
    });
  },
  autocomplete(focused, _options, context) {
    if (focused.name === 'season') return completeSeason(context, focused.value);
    const model = context.seasons.get(readString(_options, 'season'));
    return model && (focused.name === 'a' || focused.name === 'b')
      ? nameChoices(model, 'person', focused.value, replyLocale(context.invoker))
      : [];
  },
} as const satisfies Command;

/** One person from what was typed (autocomplete sends the id); anything else is a user mistake. */
function resolveDriver(model: SeasonModel, typed: string | null, locale: Locale): string {
  if (!typed) throw new UserError(t(locale, 'replies.compare.needTwo'));
  const found = memoForModel(model, `driver-lookup:${typed}`, () => lookupPerson(model, typed));
  if (found.kind === 'found') return found.person.id;
  if (found.kind === 'ambiguous')
    throw new UserError(
      t(locale, 'replies.compare.severalDrivers', { typed: quoteInput(typed), season: safe(model.name) }),
      found.matches.map((m) => m.name),
    );
  const suggestions =
    found.suggestions.length > 0
      ? found.suggestions.map((m) => m.name)
      : closestNames(model.index.names, typed, 'person');
  throw new UserError(
    t(locale, 'replies.driver.noSuchDriver', { typed: quoteInput(typed), season: safe(model.name) }),
    suggestions,
  );
}
