import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { setup } from '../../commands/setup.js';
import { ConfigError, loadConfig, readPinnedNow } from '../../src/config.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { BotServices } from '../../src/core/command.js';
import { UserError } from '../../src/core/command.js';
import { parseDateTime } from '../../src/core/date-time.js';
import { createKeyValueStore } from '../../src/store/key-value-store.js';
import { SettingsStore } from '../../src/store/settings-store.js';

const AT_MIDNIGHT = { timeOfDay: '00:00:00' };

describe('parseDateTime: real dates and times become that instant (UTC unless an offset is written)', () => {
  test.each([
    ['2013-07-01', '2013-07-01T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['2013-07-01T12:30Z', '2013-07-01T12:30:00.000Z'],
    ['2013-07-01 12:30:15', '2013-07-01T12:30:15.000Z'],
    ['2026-12-01T18:00:00.250Z', '2026-12-01T18:00:00.250Z'],
    ['2026-12-01T18:00+02:00', '2026-12-01T16:00:00.000Z'],
    ['2026-12-01T18:00-0530', '2026-12-01T23:30:00.000Z'],
    ['0050-01-01', '0050-01-01T00:00:00.000Z'],
  ])('%s → %s', (text, iso) => {
    const parsed = parseDateTime(text, AT_MIDNIGHT);
    expect(parsed.ok && parsed.date.toISOString()).toBe(iso);
  });

  test('a date without a time takes the caller’s time of day', () => {
    const parsed = parseDateTime('2026-12-01', { timeOfDay: '18:00:00' });
    expect(parsed.ok && parsed.date.toISOString()).toBe('2026-12-01T18:00:00.000Z');
  });
});

describe('parseDateTime: impossible dates are named, never rolled over', () => {
  test.each([
    ['2026-02-31', '31 February 2026 does not exist'],
    ['2013-02-30T00:00:00Z', '30 February 2013 does not exist'],
    ['2100-02-29', '29 February 2100 does not exist'],
    ['2026-04-31', '31 April 2026 does not exist'],
    ['2026-01-00', '0 January 2026 does not exist'],
    ['2026-13-01', 'month 13 does not exist (01 to 12)'],
    ['2026-12-01T24:00Z', '24:00 is not a time of day (00:00 to 23:59:59)'],
    ['2026-12-01T23:59:60Z', '23:59:60 is not a time of day (00:00 to 23:59:59)'],
    ['2026-12-01T12:00+15:00', '+15:00 is not a time zone offset (±00:00 to ±14:00)'],
  ])('%s: %s', (text, problem) => {
    expect(parseDateTime(text, AT_MIDNIGHT)).toMatchObject({ ok: false, reason: 'impossible', problem });
  });

  test.each([
    ['tomorrow', 'tomorrow'],
    ['a date in words', '1 July 2013'],
    ['no leading zeros', '2013-7-1'],
    ['nothing', ''],
    ['an hour without minutes', '2013-07-01T12'],
    ['a million characters', `2013-07-01${'0'.repeat(1_000_000)}`],
  ])('%s is not written as a date', (_label, text) => {
    expect(parseDateTime(text, AT_MIDNIGHT)).toMatchObject({ ok: false, reason: 'shape' });
  });
});

describe('PITBOARD_NOW goes through the same parser', () => {
  test('an impossible date is one problem naming the variable', () => {
    const error = (() => {
      try {
        return loadConfig({ PITBOARD_NOW: '2013-02-30T00:00:00Z' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(['PITBOARD_NOW: 30 February 2013 does not exist']);
  });

  test('garbage is one problem too; the CLI reads it alone', () => {
    expect(() => readPinnedNow({ PITBOARD_NOW: 'yesterday' })).toThrow(
      new ConfigError(['PITBOARD_NOW: must be an ISO date-time such as 2013-07-01T12:00:00Z']),
    );
    expect(readPinnedNow({ PITBOARD_NOW: ' ' })).toBeNull();
  });

  test('a real instant pins the clock', () => {
    expect(loadConfig({ PITBOARD_NOW: '2013-07-01T12:00:00Z' }).pinnedNow?.toISOString()).toBe(
      '2013-07-01T12:00:00.000Z',
    );
    expect(readPinnedNow({ PITBOARD_NOW: '2013-07-01' })?.toISOString()).toBe('2013-07-01T00:00:00.000Z');
  });
});

describe('/setup replay start: through the command, with a real settings store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pitboard-replay-start-'));
  const store = await createKeyValueStore({ url: join(dir, 'settings.sqlite') });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const app = createAppContext({ now: () => new Date('2026-01-15T12:00:00Z') });
  const services: BotServices = {
    settings: new SettingsStore(store),
    store,
    catchUpHours: 48,
    checkChannel: async () => ({ ok: true, problem: null }),
  };
  const context = {
    ...app.makeContext({
      guildId: '300000000000000003',
      channelId: null,
      userId: '400000000000000004',
      permissions: '8',
    }),
    services,
  };
  const replay = async (start: string) => {
    try {
      await setup.execute({ subcommand: 'replay', start }, context);
      return null;
    } catch (error) {
      return error;
    }
  };

  test('31 February is refused with its name, and nothing is saved', async () => {
    const error = await replay('2026-02-31');
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('31 February 2026 does not exist.');
    expect(await services.settings.get('300000000000000003')).toBeNull();
  });

  test('a real date is accepted as 18:00 UTC that day', async () => {
    expect(await replay('2026-02-28')).toBeNull();
    expect((await services.settings.get('300000000000000003'))?.replay?.anchor).toBe(
      '2026-02-28T18:00:00.000Z',
    );
  });
});
