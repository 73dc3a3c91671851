import { Writable } from 'node:stream';
import type { Command, CommandContext, Invoker } from '../../src/core/command.js';
import type { Clock } from '../../src/discord/clock.js';
import type { RawCommandOption, RepliableInteraction } from '../../src/discord/interaction-types.js';
import { createLogger, type Logger } from '../../src/logger.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A real pino logger writing parsed lines into an array. */
export function captureLogs(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

export type ResponseMethod = 'deferReply' | 'reply' | 'editReply' | 'followUp' | 'deleteReply';

export interface FakeInteraction extends RepliableInteraction {
  deferred: boolean;
  replied: boolean;
  calls: { method: ResponseMethod; options: Record<string, unknown> | undefined }[];
}

/** A chat-input interaction that records what the adapter sends; `failing` methods reject. */
export function fakeInteraction({
  commandName = 'test',
  options = [],
  failing = [],
  guildId = '111111111111111111',
}: {
  commandName?: string;
  options?: RawCommandOption[];
  failing?: ResponseMethod[];
  guildId?: string | null;
} = {}): FakeInteraction {
  const interaction: FakeInteraction = {
    id: '222222222222222222',
    commandName,
    guildId,
    channelId: '333333333333333333',
    user: { id: '444444444444444444' },
    memberPermissions: { bitfield: 32n },
    options: { data: options },
    deferred: false,
    replied: false,
    calls: [],
    deferReply: (o) => respond('deferReply', o, () => (interaction.deferred = true)),
    token: 'fake-interaction-token',
    ephemeral: null,
    client: {
      rest: {
        // The initial reply: recorded as the API body's `data` the responder encoded.
        post: async (route, request) => {
          if (route !== `/interactions/${interaction.id}/${interaction.token}/callback`)
            throw new Error(`unexpected route ${route}`);
          const data = await decodeCallbackData(request.body, request.headers?.['Content-Type']);
          await respond('reply', data, () => undefined);
        },
      },
    },
    editReply: (o) => respond('editReply', o, () => (interaction.replied = true)),
    followUp: (o) => respond('followUp', o, () => (interaction.replied = true)),
    deleteReply: () => respond('deleteReply', undefined, () => undefined),
  };
  async function respond(method: ResponseMethod, options: object | undefined, onSuccess: () => void) {
    interaction.calls.push({ method, options: options as Record<string, unknown> | undefined });
    await Promise.resolve();
    if (failing.includes(method)) throw new Error(`${method} failed`);
    onSuccess();
  }
  return interaction;
}

/** The `data` of an encoded interaction callback (JSON, or multipart with its files listed by name). */
export async function decodeCallbackData(body: unknown, contentType: string | undefined) {
  if (typeof body === 'string' || !contentType?.startsWith('multipart/'))
    return (JSON.parse(String(body)) as { data: Record<string, unknown> }).data;
  const form = await new Response(body as Uint8Array, {
    headers: { 'content-type': contentType ?? '' },
  }).formData();
  const payload = JSON.parse(String(form.get('payload_json'))) as { data: Record<string, unknown> };
  const files = [...form.entries()]
    .filter(([, v]) => typeof v !== 'string')
    .map(([k, v]) => [k, (v as File).name]);
  return { ...payload.data, files: Object.fromEntries(files) };
}

/** Timers that fire only when the test says so. */
export class ManualClock implements Clock {
  #next = 0;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();

  setTimeout(callback: () => void, ms: number): number {
    this.#next += 1;
    this.pending.set(this.#next, { callback, ms });
    return this.#next;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Fires the pending timers set for `ms` (all of them when omitted). */
  fire(ms?: number): void {
    for (const [handle, timer] of [...this.pending]) {
      if (ms !== undefined && timer.ms !== ms) continue;
      this.pending.delete(handle);
      timer.callback();
    }
  }
}

export function testContext(invoker: Invoker): CommandContext {
  return { now: () => new Date('2013-09-01T12:00:00Z'), invoker, seasons: {} as CommandContext['seasons'] };
}

export function defineCommand(
  name: string,
  execute: Command['execute'],
  extra: Partial<Omit<Command, 'definition' | 'execute'>> = {},
): Command {
  return { definition: { name, description: `test command ${name}` }, execute, ...extra };
}

/** Resolves after pending promise callbacks have run (the adapter awaits several in a row). */
export const flushPromises = () => new Promise<void>((resolve) => setImmediate(resolve));
