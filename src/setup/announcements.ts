import { LivePostLedger } from '../announce/live-standings-ledger.js';
import type { BotServices, CommandContext, OptionValues, Reply } from '../core/command.js';
import { UserError } from '../core/command.js';
import { readString, resolveSeason } from '../core/options.js';
import { buildReply } from '../core/reply.js';
import { t } from '../i18n/catalogue.js';
import { replyLocale } from '../i18n/reply-locale.js';
import { channelLink, joinSafe, md, roleLink, safe } from '../replies/safe-text.js';
import { channelRefusal } from './channel-problem.js';
import { readOrReplace, settingsToWrite, writtenBy } from './guild-settings.js';

const SNOWFLAKE = /^\d{15,21}$/;

/** `/setup announcements channel:#… [role] [spoiler_delay] [season]`: where and how recaps are posted. */
export async function setUpAnnouncements(
  options: OptionValues,
  context: CommandContext,
  services: BotServices,
  guildId: string,
): Promise<Reply> {
  const channelId = readString(options, 'channel');
  if (!channelId || !SNOWFLAKE.test(channelId))
    throw new UserError((locale) => t(locale, 'replies.settings.pickChannel'));
  const seasonId = readString(options, 'season');
  const model = resolveSeason(context, options);
  const check = await services.checkChannel(guildId, channelId);
  if (!check.ok)
    throw new UserError((locale) =>
      t(locale, 'replies.settings.cannotPost', {
        channel: channelLink(channelId),
        problem: channelRefusal(locale, check),
      }),
    );
  const roleId = readString(options, 'role');
  if (roleId !== null && !SNOWFLAKE.test(roleId))
    throw new UserError((locale) => t(locale, 'replies.settings.badRole'));
  const delay = options.spoiler_delay === undefined ? 0 : Number(options.spoiler_delay);
  if (!Number.isInteger(delay) || delay < 0 || delay > 168)
    throw new UserError((locale) => t(locale, 'replies.settings.badDelay'));
  const current = await settingsToWrite(services, guildId, context);
  await services.settings.save({
    ...current,
    channelId,
    mentionRoleId: roleId,
    spoilerDelayHours: delay,
    seasonId: seasonId ? model.id : null,
    broken: null,
    ...writtenBy(context),
  });
  const locale = replyLocale(context.invoker);
  const lines = [
    t(locale, 'replies.settings.announcing', {
      season: safe(model.name),
      channel: channelLink(channelId),
      delay,
    }),
    roleId
      ? t(locale, 'replies.settings.mentionsRole', { role: roleLink(roleId) })
      : t(locale, 'replies.settings.mentionsNobody'),
    t(locale, 'replies.settings.catchUp', { hours: md`${services.catchUpHours}` }),
  ];
  return buildReply({ content: joinSafe(lines, '\n'), ephemeral: true });
}

/** `/setup off`: no more recaps (the other settings stay for when they are turned on again). */
export async function turnOffAnnouncements(
  context: CommandContext,
  services: BotServices,
  guildId: string,
): Promise<Reply> {
  const locale = replyLocale(context.invoker);
  const current = await readOrReplace(services, guildId);
  // "Off" means Pitboard stops writing in this server unasked: recaps and the living tables alike.
  const stoppedTables = await new LivePostLedger(services.store).stopGuild(guildId);
  const recapsOn = current?.channelId ? current : null;
  if (!recapsOn && stoppedTables === 0)
    return buildReply({ content: t(locale, 'replies.settings.alreadyOff'), ephemeral: true });
  if (recapsOn)
    await services.settings.save({ ...recapsOn, channelId: null, broken: null, ...writtenBy(context) });
  return buildReply({ content: t(locale, 'replies.settings.turnedOff'), ephemeral: true });
}
