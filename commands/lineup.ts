import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { type Command, UserError } from '../src/core/command.js';
import { completeSeason, readInteger, readString, resolveSeason, seasonOption } from '../src/core/options.js';
import { buildReply, sharedReply } from '../src/core/reply.js';
import { t } from '../src/i18n/catalogue.js';
import { replyLocale } from '../src/i18n/reply-locale.js';
import { nameChoices } from '../src/replies/choices.js';
import { buildCarLineupEmbed, buildTeamLineupEmbed } from '../src/replies/lineup.js';
import { quoteInput, safe } from '../src/replies/text.js';
import { carLineup, lookupTeam, nearestCars, teamEntries } from '../src/season/queries.js';
import { closestNames } from '../src/season/search.js';

export const lineup = {
  pure: true,
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'lineup',
    description: 'Who drove a car, or all cars of a team',
    options: [
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'car',
        description: 'Car number',
        required: false,
        min_value: 0,
        max_value: 9999,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'team',
        description: 'Team name',
        required: false,
        autocomplete: true,
        max_length: 100,
      },
      seasonOption,
    ],
  },
  execute(options, context) {
    const model = resolveSeason(context, options);
    const locale = replyLocale(context.invoker);
    const car = readInteger(options, 'car');
    const teamText = readString(options, 'team');
    if (car === null && teamText === null) throw new UserError(t(locale, 'replies.lineup.needCarOrTeam'));
    if (car !== null) {
      const found = carLineup(model, car);
      if (found.entries.length === 0 && found.wins.length === 0)
        throw new UserError(
          t(locale, 'replies.lineup.noCar', { car, season: safe(model.name) }),
          nearestCars(model, car).map((n) => `#${n}`),
        );
      return sharedReply(model, `lineup-car:${locale}:${car}`, () =>
        buildReply({ embeds: [buildCarLineupEmbed(model, car, found.entries, found.wins, locale)] }),
      );
    }
    const typed = teamText as string;
    const team = lookupTeam(model, typed);
    if (team.kind === 'found') {
      const teamId = team.team.id;
      return sharedReply(model, `lineup-team:${locale}:${teamId}`, () => {
        const found = teamEntries(model, teamId);
        return buildReply({
          embeds: [buildTeamLineupEmbed(model, teamId, found.entries, found.wins, locale)],
        });
      });
    }
    if (team.kind === 'ambiguous')
      throw new UserError(
        t(locale, 'replies.lineup.severalTeams', { typed: quoteInput(typed) }),
        team.matches.map((m) => m.name),
      );
    throw new UserError(
      t(locale, 'replies.lineup.noTeam', { typed: quoteInput(typed), season: safe(model.name) }),
      closestNames(model.index.names, typed, 'team'),
    );
  },
  autocomplete(focused, options, context) {
    if (focused.name === 'season') return completeSeason(context, focused.value);
    const model = context.seasons.get(readString(options, 'season'));
    return model && focused.name === 'team'
      ? nameChoices(model, 'team', focused.value, replyLocale(context.invoker))
      : [];
  },
} as const satisfies Command;
