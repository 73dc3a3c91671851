/**
 * A person pressing a component of a stored message, as a Discord client allows it: the component must be
 * on the message and enabled; a select's values must be among its options, as many as it allows; an
 * ephemeral message can be pressed only by the person it was shown to. Anything else throws (a test that
 * presses what no user could press is a broken test).
 */
import type { InjectComponentOptions } from './interaction-record.js';
import { MessageFlag } from './messages.js';
import type { Json } from './state.js';

export interface PressOptions extends Omit<InjectComponentOptions, 'componentType' | 'messageId'> {
  messageId: string;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every interactive component of a message (action rows, and Components V2 containers and sections). */
export function messageComponents(message: Json): Json[] {
  const found: Json[] = [];
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const component of list.filter(isObject)) {
      if (typeof component.custom_id === 'string') found.push(component);
      walk(component.components);
      if (isObject(component.accessory)) walk([component.accessory]);
    }
  };
  walk(message.components);
  return found;
}

/** The component type a press sends, after checking the press is one a user could make. */
export function checkPress(message: Json | undefined, opts: PressOptions, userId: string): number {
  if (!message) throw new Error(`unknown message ${opts.messageId}`);
  const flags = typeof message.flags === 'number' ? message.flags : 0;
  const shownTo = ((message.interaction_metadata as Json | undefined)?.user as Json | undefined)?.id;
  if ((flags & MessageFlag.Ephemeral) !== 0 && shownTo !== userId)
    throw new Error(`message ${opts.messageId} is ephemeral: only ${String(shownTo)} sees it`);
  const component = messageComponents(message).find((c) => c.custom_id === opts.customId);
  if (!component) {
    const ids = messageComponents(message).map((c) => c.custom_id);
    throw new Error(
      `message ${opts.messageId} has no component ${opts.customId} (it has ${ids.join(', ') || 'none'})`,
    );
  }
  if (component.disabled === true) throw new Error(`component ${opts.customId} is disabled`);
  const type = Number(component.type);
  const values = opts.values ?? [];
  if (type === 2) {
    if (values.length > 0) throw new Error('a button press carries no values');
    return type;
  }
  const options = Array.isArray(component.options) ? component.options.filter(isObject) : [];
  const min = typeof component.min_values === 'number' ? component.min_values : 1;
  const max = typeof component.max_values === 'number' ? component.max_values : 1;
  if (values.length < min || values.length > max)
    throw new Error(`select ${opts.customId} takes ${min}–${max} values, not ${values.length}`);
  if (type === 3) {
    const allowed = new Set(options.map((o) => o.value));
    const unknown = values.filter((v) => !allowed.has(v));
    if (unknown.length > 0) throw new Error(`select ${opts.customId} offers no ${unknown.join(', ')}`);
  }
  return type;
}
