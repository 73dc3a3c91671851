import {
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import type { BotServices, CommandContext, OptionValues, Reply } from '../core/command.js';
import { UserError } from '../core/command.js';
import { readString } from '../core/options.js';
import { buildReply } from '../core/reply.js';
import { joinSafe, literal, type SafeText } from '../replies/safe-text.js';
import { writtenBy } from '../setup/guild-settings.js';
import type { GuildSettings } from '../store/settings-store.js';
import { t } from './catalogue.js';
import { LOCALES, type Locale } from './locale.js';
import { repliesLocalised, replyLocale } from './reply-locale.js';

const SERVER_DEFAULT = 'server';

/** Each language under its own name, so an admin finds theirs whatever language their client shows. */
const LANGUAGE_CHOICES = [
  { name: 'English', value: 'en' },
  { name: 'Français', value: 'fr' },
  { name: 'Deutsch', value: 'de' },
  { name: 'Italiano', value: 'it' },
  { name: 'Nederlands', value: 'nl' },
  { name: 'Español', value: 'es-ES' },
  { name: 'The server’s language in Discord', value: SERVER_DEFAULT },
] as const satisfies readonly { name: string; value: Locale | typeof SERVER_DEFAULT }[];

/** The `/setup language` subcommand's definition. */
export const languageSubcommand = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'language',
  description: 'The language of recaps and living standings on this server',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'language',
      description: 'Which language',
      required: true,
      choices: [...LANGUAGE_CHOICES],
      max_length: 10,
    },
  ],
} as const satisfies APIApplicationCommandSubcommandOption;

/** ICU select keys (letters only) for the catalogue's language names. */
const SELECTOR: Readonly<Record<Locale | typeof SERVER_DEFAULT, SafeText>> = {
  en: literal('en'),
  fr: literal('fr'),
  de: literal('de'),
  it: literal('it'),
  nl: literal('nl'),
  'es-ES': literal('es'),
  server: literal('server'),
};

/** The `/setup show` line: which language this server's posts are in. */
export function describeLanguage(settings: GuildSettings, locale: Locale): SafeText {
  return t(locale, 'replies.setup.language.show', {
    language: SELECTOR[settings.language ?? SERVER_DEFAULT],
  });
}

/** `/setup language <language>`: stored with the server's settings, which may not exist yet. */
export async function setLanguage(
  options: OptionValues,
  context: CommandContext,
  services: BotServices,
  current: GuildSettings,
): Promise<Reply> {
  const wanted = readString(options, 'language') ?? '';
  const language = wanted === SERVER_DEFAULT ? null : LOCALES.find((locale) => locale === wanted);
  if (language === undefined)
    throw new UserError((locale) =>
      t(locale, 'replies.settings.pickLanguage', {
        languages: joinSafe(
          LANGUAGE_CHOICES.filter((c) => c.value !== SERVER_DEFAULT).map((c) => literal(c.name)),
          ', ',
        ),
        server: t(locale, 'commands.setup.options.language.options.language.choices.server'),
      }),
    );
  await services.settings.save({
    ...current,
    language,
    ...writtenBy(context),
  });
  const locale = replyLocale(context.invoker);
  const lines = [t(locale, 'replies.setup.language.set', { language: SELECTOR[language ?? SERVER_DEFAULT] })];
  if (!repliesLocalised()) lines.push(t(locale, 'replies.setup.language.englishForNow'));
  return buildReply({ content: joinSafe(lines, '\n'), ephemeral: true });
}
