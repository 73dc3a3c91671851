/**
 * /setup's own checks as pure calls: the permission string Discord sends (only whole decimal numbers count),
 * and storage failures turned into the admin's sentence while every other error passes through.
 */
import { describe, expect, test } from 'vitest';
import { UserError } from '../../src/core/command.js';
import { hasManageGuild, storageProblemAsUserError } from '../../src/setup/guild-settings.js';
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
