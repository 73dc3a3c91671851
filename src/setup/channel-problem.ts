import type { ChannelCheck, ChannelProblem, RecapPermission } from '../core/command.js';
import { type MessageKey, t } from '../i18n/catalogue.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import { joinSafe, type SafeText, safe } from '../replies/safe-text.js';

/** Each permission as Discord's client names it in the reader's language. */
const PERMISSION_NAMES = {
  viewChannel: 'replies.channelCheck.permission.viewChannel',
  sendMessages: 'replies.channelCheck.permission.sendMessages',
  embedLinks: 'replies.channelCheck.permission.embedLinks',
} as const satisfies Record<RecapPermission, MessageKey>;

/** Why the bot cannot post in a channel, in `locale` (permissions named as the reader's Discord names them). */
export function describeChannelProblem(locale: Locale, reason: ChannelProblem): SafeText {
  switch (reason.kind) {
    case 'elsewhere':
      return t(locale, 'replies.channelCheck.elsewhere');
    case 'notText':
      return t(locale, 'replies.channelCheck.notText');
    case 'permissionsUnknown':
      return t(locale, 'replies.channelCheck.permissionsUnknown');
    case 'missing':
      return t(locale, 'replies.channelCheck.missing', {
        permissions: joinSafe(
          reason.permissions.map((permission) => t(locale, PERMISSION_NAMES[permission])),
          ', ',
        ),
      });
  }
}

/** A refused channel check: the reason, and the same in English words for logs. */
export function refuseChannel(reason: ChannelProblem): ChannelCheck {
  return { ok: false, problem: describeChannelProblem(DEFAULT_LOCALE, reason), reason };
}

/** Why the channel check refused, in the admin's language where the check says why. */
export function channelRefusal(locale: Locale, check: ChannelCheck): SafeText {
  if (check.reason) return describeChannelProblem(locale, check.reason);
  return check.problem ? safe(check.problem) : t(locale, 'replies.settings.channelUnknownProblem');
}
