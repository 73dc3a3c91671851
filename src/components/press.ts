import { MessageFlags } from 'discord-api-types/v10';
import type { Command, OptionValues, Reply } from '../core/command.js';
import { buildReply } from '../core/reply.js';
import { md, safe } from '../replies/safe-text.js';
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
  | { ok: false; reason: 'malformed' | 'stale'; reply: Reply };

/**
 * What a press asks for: a command of the same modules and its options, or the refusal to show (ephemeral,
 * and nothing else happens). Forged ids can only ask what a slash command could: the options still go
 * through the command, which checks them as it checks typed ones.
 */
export function planPress(
  press: Press,
  findCommand: (name: string) => Command | undefined,
  seasons: SeasonCatalog,
): PressPlan {
  const decoded = decodeCustomId(press.customId);
  if (!decoded.ok) return malformed(decoded.problem);
  const { state } = decoded;
  const command = findCommand(state.command);
  if (!command) return malformed('it names a command this bot does not have');
  const options: Record<string, string | number | boolean> = { ...state.options };
  const sets = SELECT_SETS[state.slot];
  if (sets) {
    const [value, ...more] = press.values;
    if (value === undefined || more.length > 0 || !SELECTED_VALUE.test(value))
      return malformed('the menu sent no single choice');
    options[sets] = value;
  } else if (press.values.length > 0) {
    return malformed('a button sent menu choices');
  }
  const season = typeof options.season === 'string' ? options.season : null;
  const model = seasons.get(season);
  if (!model || dataVersionOf(model.version) !== state.dataVersion) return stale(state.command, model?.name);
  return { ok: true, command, options };
}

function malformed(problem: string): PressPlan {
  return {
    ok: false,
    reason: 'malformed',
    reply: buildReply({
      content: md`That button or menu was not made by Pitboard, or it is damaged (${safe(problem)}), so nothing was changed. Run the command again.`,
      ephemeral: true,
    }),
  };
}

function stale(command: string, seasonName: string | undefined): PressPlan {
  const data = seasonName ? md`the ${safe(seasonName)} data` : md`a season that is no longer loaded`;
  return {
    ok: false,
    reason: 'stale',
    reply: buildReply({
      content: md`These buttons belong to an earlier version of ${data}; it has changed since, so nothing was changed. Run /${safe(command)} again for the current answer.`,
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
