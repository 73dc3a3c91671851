/**
 * The recap nonce Discord deduplicates a retried POST by: always the same for one recap (also across
 * versions of the bot, so a retry after an upgrade is still deduplicated), different for any other.
 */
import { expect, test } from 'vitest';
import { recapNonce } from '../../src/announce/nonce.js';

const SEASON = '2013-blancpain-endurance-series';

test('the nonce of a recap is fixed: 25 URL-safe characters, the same on every call', () => {
  // Without a replay run, the nonce of earlier versions: a recap retried after an upgrade is still deduplicated.
  const nonce = recapNonce(SEASON, 1, '123456789012345678', '223456789012345678', null);
  expect(nonce).toBe('C_IPsU_jVZEQ6NxvUzOjansGQ');
  expect(recapNonce(SEASON, 1, '123456789012345678', '223456789012345678', null)).toBe(nonce);
});

test('a replay run has a fixed nonce of its own', () => {
  const nonce = recapNonce(SEASON, 1, '123456789012345678', '223456789012345678', 'r1');
  expect(nonce).toMatch(/^[A-Za-z0-9_-]{25}$/);
  expect(nonce).not.toBe('C_IPsU_jVZEQ6NxvUzOjansGQ');
  expect(recapNonce(SEASON, 1, '123456789012345678', '223456789012345678', 'r1')).toBe(nonce);
});

test('season, round, server, channel and replay run each change the nonce', () => {
  const nonces = new Set([
    recapNonce(SEASON, 1, '1', '2', null),
    recapNonce(`${SEASON}x`, 1, '1', '2', null),
    recapNonce(SEASON, 2, '1', '2', null),
    recapNonce(SEASON, 1, '3', '2', null),
    recapNonce(SEASON, 1, '1', '3', null),
    recapNonce(SEASON, 1, '1', '2', 'r1'),
    recapNonce(SEASON, 1, '1', '2', 'r2'),
  ]);
  expect(nonces.size).toBe(7);
});

test('the parts are kept apart: moving a character from one part to the next changes the nonce', () => {
  expect(recapNonce('s1', 2, '3', '4', null)).not.toBe(recapNonce('s', 12, '3', '4', null));
  expect(recapNonce('s', 1, '23', '4', null)).not.toBe(recapNonce('s', 12, '3', '4', null));
  expect(recapNonce('s', 1, '2', '34', null)).not.toBe(recapNonce('s', 1, '23', '4', null));
  expect(recapNonce('s', 1, '2', '3', '4')).not.toBe(recapNonce('s', 1, '2', '34', null));
});
