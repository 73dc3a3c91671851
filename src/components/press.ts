import { MessageFlags } from 'discord-api-types/v10';
import type { Command, OptionValues, Reply } from '../core/command.js';
import { buildReply } from '../core/reply.js';
import { lookupMessage, t } from '../i18n/catalogue.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import { safe } from '../replies/safe-text.js';
import type { SeasonCatalog } from '../season/catalog.js';
import { type ComponentOption, dataVersionOf, decodeCustomId } from './custom-id.js';

/** A press as any adapter sees it: the component's custom_id and, for a select, the chosen values. */
export interface Press {
  customId: string;
  values: readonly string[];
}

/** Which option a select sets from its chosen value (buttons carry all their options in the custom_id). */
const SELECT_SETS: Readonly<Record<string, ComponentOption>> = { class: 'class', pick: 'name' };
const SELECTED_VALUE = /^[a-z0-9][a-z0-9-]{0,99}$/;

export type PressPlan =
  | { ok: true; command: Command; options: OptionValues }
  | { ok: false; reason: 'malformed' | 'stale'; detail: string | null; reply: Reply };

/**
 * What a press asks for: a command of the same modules and its options, or the refusal to show (ephemeral,
 * and nothing else happens). Forged ids can only ask what a slash command could: the options still go
 * through the command, which checks them as it checks typed ones.
 */
export function planPress(
  press: Press,
  findCommand: (name: string) => Command | undefined,
  seasons: SeasonCatalog,
  locale: Locale = DEFAULT_LOCALE,
): PressPlan {
  const decoded = decodeCustomId(press.customId);
  if (!decoded.ok) return malformed(decoded.problem, locale);
  const { state } = decoded;
  const command = findCommand(state.command);
  if (!command) return malformed('it names a command this bot does not have', locale);
  const options: Record<string, string | number | boolean> = { ...state.options };
  const sets = SELECT_SETS[state.slot];
  if (sets) {
    const [value, ...more] = press.values;
    if (value === undefined || more.length > 0 || !SELECTED_VALUE.test(value))
      return malformed('the menu sent no single choice', locale);
    options[sets] = value;
  } else if (press.values.length > 0) {
    return malformed('a button sent menu choices', locale);
  }
  const season = typeof options.season === 'string' ? options.season : null;
  const model = seasons.get(season);
  if (!model || dataVersionOf(model.version) !== state.dataVersion)
    return stale(state.command, model?.name, locale);
  return { ok: true, command, options };
}

/** `problem`, what the decoder found, is a technical detail for the log, not for the reader. */
function malformed(problem: string, locale: Locale): PressPlan {
  return {
    ok: false,
    reason: 'malformed',
    detail: problem,
    reply: buildReply({
      content: t(locale, 'replies.press.malformed'),
      ephemeral: true,
    }),
  };
}

function stale(command: string, seasonName: string | undefined, locale: Locale): PressPlan {
  // The command as the reader's client names it.
  const name = safe(lookupMessage(locale, `commands.${command}.name`) ?? command);
  return {
    ok: false,
    reason: 'stale',
    detail: null,
    reply: buildReply({
      content: seasonName
        ? t(locale, 'replies.press.stale', { season: safe(seasonName), command: name })
        : t(locale, 'replies.press.staleGone', { command: name }),
      ephemeral: true,
    }),
  };
}

/**
 * The press's answer for the person who ran the command: the same message, replaced (an update cannot
 * change its visibility, so the ephemeral flag goes). Shared replies give the same update object each time.
 */
export function asUpdate(reply: Reply): Reply {
  let update = updates.get(reply);
  if (!update) {
    const flags = (reply.data.flags ?? 0) & ~MessageFlags.Ephemeral;
    const { flags: _flags, ...rest } = reply.data;
    // An edit keeps what it does not mention: a text page must say "no picture" and "no buttons" outright.
    const data = { ...rest, attachments: rest.attachments ?? [], components: rest.components ?? [] };
    update = { ...reply, data: flags ? { ...data, flags } : data };
    updates.set(reply, update);
  }
  return update;
}
const updates = new WeakMap<Reply, Reply>();

/** The press's answer for anyone else: their own copy, which only they see (one object per shared reply). */
export function asPrivateCopy(reply: Reply): Reply {
  if (((reply.data.flags ?? 0) & MessageFlags.Ephemeral) !== 0) return reply;
  let copy = copies.get(reply);
  if (!copy) {
    copy = { ...reply, data: { ...reply.data, flags: (reply.data.flags ?? 0) | MessageFlags.Ephemeral } };
    copies.set(reply, copy);
  }
  return copy;
}
const copies = new WeakMap<Reply, Reply>();
