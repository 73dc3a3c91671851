/**
 * /setup's own checks as pure calls: the permission string Discord sends (only whole decimal numbers count),
 * and storage failures turned into the admin's sentence while every other error passes through.
 */
import { describe, expect, test } from 'vitest';
import { type BotServices, type ChannelProblem, UserError } from '../../src/core/command.js';
import { channelRefusal, describeChannelProblem, refuseChannel } from '../../src/setup/channel-problem.js';
import { hasManageGuild, readOrReplace, storageProblemAsUserError } from '../../src/setup/guild-settings.js';
import { CorruptValueError, StorageUnavailableError } from '../../src/store/errors.js';

describe('the permission string', () => {
  test.each(['32x', 'x32', '3 2', '', '-32'])('%j is not a permission set: refused, not thrown', (value) => {
    expect(hasManageGuild(value)).toBe(false);
  });
});

describe('storage failures in words', () => {
  test('unreadable settings: what to run to write them again', () => {
    const error = storageProblemAsUserError(new CorruptValueError('stored value settings:1 is not valid'));
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^This server’s stored settings cannot be read/);
  });

  test('storage unavailable: nothing was changed, try again', () => {
    const error = storageProblemAsUserError(new StorageUnavailableError('storage did not answer'));
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      'Settings storage is unavailable right now, so nothing was changed. Please try again in a minute.',
    );
  });

  test('any other error passes through unchanged', () => {
    const other = new TypeError('a bug');
    expect(storageProblemAsUserError(other)).toBe(other);
  });
});

describe('a refused channel in words', () => {
  test.each<[ChannelProblem, string]>([
    [{ kind: 'elsewhere' }, 'that channel is not in this server, or I cannot see it'],
    [{ kind: 'notText' }, 'recaps need a text or announcement channel'],
    [{ kind: 'permissionsUnknown' }, 'I cannot work out my permissions there'],
    [
      { kind: 'missing', permissions: ['viewChannel', 'sendMessages', 'embedLinks'] },
      'I am missing View Channel, Send Messages, Embed Links',
    ],
  ])('%j', (reason, sentence) => {
    expect(String(describeChannelProblem('en', reason))).toBe(sentence);
    expect(refuseChannel(reason)).toEqual({ ok: false, problem: sentence, reason });
    expect(String(channelRefusal('en', { ok: false, problem: 'in English for the logs', reason }))).toBe(
      sentence,
    );
  });

  test('a check without a reason: its own words, or a general sentence', () => {
    expect(String(channelRefusal('en', { ok: false, problem: 'the API said no' }))).toBe('the API said no');
    expect(String(channelRefusal('en', { ok: false, problem: null }))).toBe('no access');
  });
});

describe('readOrReplace', () => {
  test('a storage outage is passed on, not taken for unreadable settings', async () => {
    const down = new StorageUnavailableError('storage did not answer');
    const services = { settings: { get: () => Promise.reject(down) } } as unknown as BotServices;
    await expect(readOrReplace(services, '100000000000000001')).rejects.toBe(down);
  });
});
