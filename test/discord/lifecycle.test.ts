import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { installLifecycle } from '../../src/discord/lifecycle.js';
import { captureLogs, flushPromises } from './fakes.js';

function setup(stop: () => Promise<void> = async () => undefined) {
  const source = new EventEmitter();
  const exits: number[] = [];
  const stats = { unhandledRejections: 0 };
  const { logger, lines } = captureLogs();
  const uninstall = installLifecycle({ stop, logger, stats, source, exit: (code) => exits.push(code) });
  return { source, exits, stats, lines, uninstall };
}

describe('installLifecycle', () => {
  test.each(['SIGTERM', 'SIGINT'])('%s stops gracefully, then exits 0', async (signal) => {
    let stopped = false;
    const { source, exits } = setup(async () => {
      stopped = true;
    });
    source.emit(signal, signal);
    await flushPromises();
    expect(stopped).toBe(true);
    expect(exits).toEqual([0]);
  });

  test('exit waits for the stop to finish', async () => {
    let finishStop: () => void = () => undefined;
    const { source, exits } = setup(() => new Promise((resolve) => (finishStop = resolve)));
    source.emit('SIGTERM', 'SIGTERM');
    await flushPromises();
    expect(exits).toEqual([]);
    finishStop();
    await flushPromises();
    expect(exits).toEqual([0]);
  });

  test('a second signal during the stop forces exit 1', async () => {
    const { source, exits, lines } = setup(() => new Promise(() => undefined));
    source.emit('SIGTERM', 'SIGTERM');
    source.emit('SIGINT', 'SIGINT');
    await flushPromises();
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toMatchObject({ signal: 'SIGINT', msg: 'second signal: exiting without waiting' });
  });

  test('a failing stop exits 1 and is logged', async () => {
    const { source, exits, lines } = setup(async () => {
      throw new Error('storage would not close');
    });
    source.emit('SIGTERM', 'SIGTERM');
    await flushPromises();
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toMatchObject({
      msg: 'graceful shutdown failed',
      err: { message: 'storage would not close' },
    });
  });

  test('unhandled rejections are logged and counted, not fatal', () => {
    const { source, stats, exits, lines } = setup();
    source.emit('unhandledRejection', new Error('forgotten promise'), Promise.resolve());
    expect(stats.unhandledRejections).toBe(1);
    expect(exits).toEqual([]);
    expect(lines.at(-1)).toMatchObject({ level: 50, err: { message: 'forgotten promise' } });
  });

  test('uninstall removes every listener', () => {
    const { source, uninstall } = setup();
    uninstall();
    expect(source.eventNames()).toEqual([]);
  });
});
