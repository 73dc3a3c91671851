import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { driverPickComponents } from '../src/components/views.js';
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
import { replyLocale } from '../src/i18n/reply-locale.js';
import { nameChoices } from '../src/replies/choices.js';
import { memoForModel } from '../src/replies/memo.js';
import { buildPersonEmbed, buildPickListEmbed } from '../src/replies/person.js';
import { quoteInput, safe } from '../src/replies/text.js';
import { lookupPerson, personProfile } from '../src/season/queries.js';
import { closestNames, searchNames } from '../src/season/search.js';

export const driver = {
  pure: true,
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'driver',
    description: 'One driver: nationality, standing, entries, wins',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'name',
        description: 'Name, surname or part of it',
        required: true,
        autocomplete: true,
        max_length: 100,
      },
      seasonOption,
      hideOption,
    ],
  },
  execute(options, context) {
    const model = resolveSeason(context, options);
    const locale = replyLocale(context.invoker);
    const typed = readString(options, 'name');
    if (!typed) throw new UserError(t(locale, 'replies.driver.needName'));
    // The same names are asked again and again (autocomplete sends the person's id): resolve each once.
    const found = memoForModel(model, `driver-lookup:${typed}`, () => lookupPerson(model, typed));
    const ephemeral = readBoolean(options, 'hide');
    if (found.kind === 'found')
      return sharedReply(model, `driver:${locale}:${found.person.id}:${ephemeral}`, () =>
        buildReply({
          embeds: [buildPersonEmbed(model, personProfile(model, found.person), locale)],
          ephemeral,
        }),
      );
    if (found.kind === 'ambiguous')
      return sharedReply(model, `driver-pick:${locale}:${typed}:${readString(options, 'season') ?? ''}`, () =>
        buildReply({
          embeds: [buildPickListEmbed(model, typed, found.matches, locale)],
          ephemeral: true,
          components: driverPickComponents(model, readString(options, 'season'), found.matches, locale),
        }),
      );
    const notFound = t(locale, 'replies.driver.noSuchDriver', {
      typed: quoteInput(typed),
      season: safe(model.name),
    });
    if (found.suggestions.length > 0)
      throw new UserError(
        notFound,
        found.suggestions.map((m) => m.name),
      );
    const teams = searchNames(model.index.names, typed, { kinds: ['team'], limit: 3 });
    const hint =
      teams.length > 0
        ? ` ${t(locale, 'replies.driver.matchesTeam', { typed: quoteInput(typed), team: safe(teams[0]?.name ?? '') })}`
        : '';
    const suggestions = teams.length > 0 ? [] : closestNames(model.index.names, typed, 'person');
    throw new UserError(`${notFound}${hint}`, suggestions);
  },
  autocomplete(focused, options, context) {
    if (focused.name === 'season') return completeSeason(context, focused.value);
    const model = context.seasons.get(readString(options, 'season'));
    return model && focused.name === 'name'
      ? nameChoices(model, 'person', focused.value, replyLocale(context.invoker))
      : [];
  },
} as const satisfies Command;
