/**
 * The state of a clickable reply travels in the component's `custom_id` (≤ 100 characters), so a press
 * can be answered by any process after any restart without remembering anything:
 *
 *   pb1:<data version>:<command>:<slot>:<key>=<value>;…
 *
 * `pb1` is the codec's own format version. The data version is the first characters of the season's
 * content hash: after the data changes, old buttons are recognised as stale and answered as such instead
 * of showing something that no longer matches the message around them. `slot` names the component within
 * its message (Discord requires distinct ids per message). Keys are short aliases of command options;
 * each key has one value type (ids: lowercase letters, digits and hyphens; numbers; booleans as 1/0), so
 * nothing needs escaping or quoting, and a custom_id can be typed in a shell as it is.
 */

export const CUSTOM_ID_MAX_LENGTH = 100;
export const CODEC_PREFIX = 'pb1';
/** Characters of the season's content hash kept: enough to tell data versions apart, short enough to fit. */
export const DATA_VERSION_LENGTH = 8;

/** Commands whose replies carry components, with their short codes. */
const COMMAND_CODES = { standings: 's', driver: 'd', results: 'r', recap: 'c' } as const;
export type ComponentCommand = keyof typeof COMMAND_CODES;

/** Option names a custom_id may carry, with their one-letter keys and the type of their values. */
const OPTIONS = {
  class: { key: 'c', type: 'id' },
  season: { key: 'S', type: 'id' },
  page: { key: 'p', type: 'number' },
  text: { key: 't', type: 'boolean' },
  round: { key: 'r', type: 'number' },
  name: { key: 'n', type: 'id' },
} as const;
export type ComponentOption = keyof typeof OPTIONS;
const OPTION_NAMES = Object.keys(OPTIONS) as ComponentOption[];

export type ComponentValue = string | number | boolean;

export interface ComponentState {
  /** The season's data version (see `dataVersionOf`). */
  dataVersion: string;
  command: ComponentCommand;
  /** Distinguishes components of one message: `prev`, `next`, `class`, `view`, `pick`… */
  slot: string;
  options: Partial<Record<ComponentOption, ComponentValue>>;
}

const SLOT = /^[a-z]{1,8}$/;
const TEXT_VALUE = /^[a-z0-9][a-z0-9-]{0,59}$/;
const NUMBER_VALUE = /^(0|[1-9][0-9]{0,5})$/;

export function dataVersionOf(modelVersion: string): string {
  return modelVersion.slice(0, DATA_VERSION_LENGTH);
}

/**
 * The custom_id for a state. Throws on a state that cannot be encoded (a programming error: callers pass
 * ids from the model, which are kebab-case).
 */
export function encodeCustomId(state: ComponentState): string {
  if (!SLOT.test(state.slot))
    throw new Error(`component slot ${JSON.stringify(state.slot)} is not [a-z]{1,8}`);
  if (!/^[0-9a-f]{1,16}$/.test(state.dataVersion))
    throw new Error(`data version ${JSON.stringify(state.dataVersion)} is not hexadecimal`);
  const pairs: string[] = [];
  for (const name of OPTION_NAMES) {
    const value = state.options[name];
    if (value === undefined) continue;
    pairs.push(`${OPTIONS[name].key}=${encodeValue(name, value)}`);
  }
  const id = [
    CODEC_PREFIX,
    state.dataVersion,
    COMMAND_CODES[state.command],
    state.slot,
    pairs.join(';'),
  ].join(':');
  if (id.length > CUSTOM_ID_MAX_LENGTH)
    throw new Error(`custom_id is ${id.length} characters, over Discord's ${CUSTOM_ID_MAX_LENGTH}: ${id}`);
  return id;
}

function encodeValue(name: ComponentOption, value: ComponentValue): string {
  const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  if (readValue(name, text) !== value)
    throw new Error(`option ${name}=${JSON.stringify(value)} cannot travel in a custom_id`);
  return text;
}

/** A value as its option's type reads it; undefined when it is not one the encoder writes. */
function readValue(name: ComponentOption, raw: string): ComponentValue | undefined {
  switch (OPTIONS[name].type) {
    case 'id':
      return TEXT_VALUE.test(raw) ? raw : undefined;
    case 'number':
      return NUMBER_VALUE.test(raw) ? Number(raw) : undefined;
    case 'boolean':
      return raw === '1' ? true : raw === '0' ? false : undefined;
  }
}

export type DecodeResult = { ok: true; state: ComponentState } | { ok: false; problem: string };

const fail = (problem: string): DecodeResult => ({ ok: false, problem });

/**
 * Everyone pressing ▶ under one message sends the same custom_id: each distinct id is decoded once and
 * the (frozen) answer served again. Bounded, oldest first out, so forged ids cannot grow it without limit.
 */
export const DECODED_IDS_KEPT = 1024;
const decodedIds = new Map<string, DecodeResult>();

/** Strict inverse of encodeCustomId: anything it would not have produced is refused, with the reason. */
export function decodeCustomId(customId: string): DecodeResult {
  if (customId.length === 0 || customId.length > CUSTOM_ID_MAX_LENGTH) return fail('its length is wrong');
  const known = decodedIds.get(customId);
  if (known) return known;
  const decoded = deepFreeze(decodeFresh(customId));
  decodedIds.set(customId, decoded);
  if (decodedIds.size > DECODED_IDS_KEPT) {
    const oldest = decodedIds.keys().next();
    if (!oldest.done) decodedIds.delete(oldest.value);
  }
  return decoded;
}

function deepFreeze(result: DecodeResult): DecodeResult {
  if (result.ok) {
    Object.freeze(result.state.options);
    Object.freeze(result.state);
  }
  return Object.freeze(result);
}

function decodeFresh(customId: string): DecodeResult {
  const parts = customId.split(':');
  if (parts.length !== 5) return fail('it does not have the five parts Pitboard writes');
  const [prefix, dataVersion, code, slot, body] = parts as [string, string, string, string, string];
  if (prefix !== CODEC_PREFIX)
    return fail(`its format ${JSON.stringify(prefix.slice(0, 10))} is not ${CODEC_PREFIX}`);
  if (!/^[0-9a-f]{1,16}$/.test(dataVersion)) return fail('its data version is not a version');
  const command = (Object.keys(COMMAND_CODES) as ComponentCommand[]).find((c) => COMMAND_CODES[c] === code);
  if (!command) return fail('it names no command with buttons');
  if (!SLOT.test(slot)) return fail('its component name is not one Pitboard writes');
  const options: ComponentState['options'] = {};
  for (const pair of body === '' ? [] : body.split(';')) {
    const match = /^([a-zA-Z])=(.*)$/.exec(pair);
    const name = match ? OPTION_NAMES.find((o) => OPTIONS[o].key === match[1]) : undefined;
    if (!match || !name) return fail(`it carries an unknown setting ${JSON.stringify(pair.slice(0, 20))}`);
    if (name in options) return fail(`it carries ${name} twice`);
    const value = readValue(name, match[2] as string);
    if (value === undefined) return fail(`its ${name} value is not one Pitboard writes`);
    options[name] = value;
  }
  return { ok: true, state: { dataVersion, command, slot, options } };
}

/** How many decoded ids are kept (tests). */
export function decodedIdsHeld(): number {
  return decodedIds.size;
}
