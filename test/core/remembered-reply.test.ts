/**
 * executeCommand keeps the reply a pure command built at once and answers the same request from it (the
 * warm path of every read-only command). What makes that safe is tested here: the key (command, language,
 * options, model), what is never kept (pending replies, errors, impure commands), and that every command
 * marked pure really answers from the model, the options and the language alone.
 */
import { describe, expect, test, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import { createAppContext } from '../../src/core/app-context.js';
import {
  type Command,
  type CommandContext,
  type Invoker,
  type Reply,
  UserError,
} from '../../src/core/command.js';
import { executeCommand } from '../../src/core/run-command.js';
import type { SeasonCatalog } from '../../src/season/catalog.js';
import type { SeasonModel } from '../../src/season/model.js';

const app = createAppContext();
const invoker = (locale: string | null = null): Invoker => ({
  guildId: '1',
  channelId: '2',
  userId: '3',
  permissions: null,
  locale,
});
const replyOf = (text: string): Reply => ({ data: { content: text } }) as Reply;

let probes = 0;
function counting(execute: Command['execute'], pure = true): Command & { calls: () => number } {
  const spy = vi.fn(execute);
  return {
    pure,
    definition: { name: `probe-${++probes}`, description: 'probe', options: [] },
    execute: spy,
    calls: () => spy.mock.calls.length,
  } as Command & { calls: () => number };
}

describe('a pure command’s reply is kept for the same request', () => {
  test('the same options, language and model: the handler runs once, the reply is the same object', () => {
    const command = counting(() => replyOf('a'));
    const context = app.makeContext(invoker('fr'));
    const first = executeCommand(command, { class: 'pro' }, context);
    expect(executeCommand(command, { class: 'pro' }, app.makeContext(invoker('fr')))).toBe(first);
    expect(command.calls()).toBe(1);
  });

  test('another language, other options or a reloaded model run the handler again', () => {
    const command = counting(() => replyOf('b'));
    executeCommand(command, { class: 'pro' }, app.makeContext(invoker('fr')));
    executeCommand(command, { class: 'pro' }, app.makeContext(invoker('de')));
    executeCommand(command, { class: 'pro-am' }, app.makeContext(invoker('de')));
    executeCommand(command, { class: 'pro-am', hide: true }, app.makeContext(invoker('de')));
    expect(command.calls()).toBe(4);
    const reloaded = createAppContext();
    executeCommand(command, { class: 'pro' }, reloaded.makeContext(invoker('fr')));
    expect(command.calls()).toBe(5);
  });

  test('a reply still pending (a picture being drawn) and an error are never kept', async () => {
    const pending = counting(() => Promise.resolve(replyOf('c')));
    await executeCommand(pending, {}, app.makeContext(invoker()));
    await executeCommand(pending, {}, app.makeContext(invoker()));
    expect(pending.calls()).toBe(2);
    const failing = counting(() => {
      throw new UserError('no such class');
    });
    expect(() => executeCommand(failing, {}, app.makeContext(invoker()))).toThrow('no such class');
    expect(() => executeCommand(failing, {}, app.makeContext(invoker()))).toThrow('no such class');
    expect(failing.calls()).toBe(2);
  });

  test('a command not marked pure runs every time', () => {
    const command = counting(() => replyOf('d'), false);
    executeCommand(command, {}, app.makeContext(invoker()));
    executeCommand(command, {}, app.makeContext(invoker()));
    expect(command.calls()).toBe(2);
  });

  test('an unknown season is left to the handler (its own error), never looked up', () => {
    const command = counting(() => {
      throw new UserError('no such season');
    });
    expect(() => executeCommand(command, { season: 'nope' }, app.makeContext(invoker()))).toThrow(
      'no such season',
    );
    expect(command.calls()).toBe(1);
  });
});

/** A context whose clock, services, server and channel cannot be read without failing the test. */
function sealedContext(seasons: SeasonCatalog, locale: string, reads: string[]): CommandContext {
  // Recorded as well as thrown: a handler that catches the throw (a settings read that may fail) is caught.
  const forbidden = (what: string) => () => {
    reads.push(what);
    throw new Error(`a pure command read ${what}`);
  };
  const sealedInvoker = Object.defineProperties(
    { userId: '3', permissions: null, locale },
    { guildId: { get: forbidden('the server') }, channelId: { get: forbidden('the channel') } },
  ) as Invoker;
  return Object.defineProperty({ now: forbidden('the clock'), invoker: sealedInvoker, seasons }, 'services', {
    get: forbidden('the services'),
    enumerable: true,
  }) as CommandContext;
}

const REQUESTS: Record<string, Record<string, string | number | boolean>[]> = {
  calendar: [{ text: true }],
  standings: [{ class: 'pro', text: true }, { class: 'gentlemen', text: true, round: 3 }, { class: 'nope' }],
  driver: [{ name: 'Buhk' }, { name: 'Jones' }, { name: 'zzzz' }],
  lineup: [{ car: 84 }, { team: 'htp-motorsport' }],
  results: [{ round: 4 }, { round: 99 }],
  recap: [{ round: 5 }],
  scoring: [{}],
  title: [{ class: 'pro' }, { class: 'pro-am', round: 2 }],
  compare: [{ first: 'Buhk', second: 'Ortelli' }],
};

describe('every command marked pure answers from the model, the options and the language alone', () => {
  const pure = commands.filter((c) => c.pure);

  test('the read-only commands are the pure ones; /calendar (server settings, clock) and /setup are not', () => {
    expect(pure.map((c) => c.definition.name).sort()).toEqual(
      Object.keys(REQUESTS)
        .filter((name) => name !== 'calendar')
        .sort(),
    );
  });

  // /calendar is in REQUESTS so that marking it pure fails here: it reads the server's replay settings.
  test.each(pure.map((c) => [c.definition.name, c] as const))('/%s', async (name, command) => {
    const reads: string[] = [];
    for (const options of REQUESTS[name] ?? []) {
      for (const locale of ['en-GB', 'fr', 'es-ES']) {
        const context = sealedContext(app.catalog, locale, reads);
        try {
          await executeCommand(command, { ...options }, context);
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
        }
      }
    }
    expect(reads).toEqual([]);
  });
});

test('the model a pure request is kept against is the one the handler answers from', () => {
  const model: SeasonModel = app.catalog.defaultSeason();
  expect(app.catalog.get(null)).toBe(model);
});
