import { expect, test } from 'vitest';
import { redactUrlTokens } from '../../src/logger.js';
import { captureLogs } from './fakes.js';

test('the bot token and authorization headers never reach the log', () => {
  const { logger, lines } = captureLogs();
  logger.info(
    {
      token: 'T1',
      config: { discord: { token: 'T2' } },
      env: { DISCORD_TOKEN: 'T3' },
      request: { headers: { authorization: 'Bot T4' } },
      headers: { Authorization: 'Bot T5' },
    },
    'starting',
  );
  const text = JSON.stringify(lines);
  for (const secret of ['T1', 'T2', 'T3', 'T4', 'T5']) expect(text).not.toContain(secret);
});

test('errors lose interaction tokens from REST URLs and file buffers from request bodies', () => {
  const { logger, lines } = captureLogs();
  const err = Object.assign(new Error('Unknown interaction'), {
    url: 'http://127.0.0.1/api/v10/interactions/123456789012345678/aW50ZXJhY3Rpb24/callback?with_response=false',
    requestBody: { files: [{ data: Buffer.alloc(3) }], json: { type: 4 } },
  });
  logger.error({ err }, 'reply failed');
  expect(lines[0]?.err).toMatchObject({
    url: 'http://127.0.0.1/api/v10/interactions/123456789012345678/[redacted]/callback?with_response=false',
    requestBody: { files: '[redacted]', json: { type: 4 } },
  });
});

test('webhook URLs (editReply, followUp) are scrubbed too', () => {
  expect(redactUrlTokens('/api/v10/webhooks/42/secret-token/messages/@original')).toBe(
    '/api/v10/webhooks/42/[redacted]/messages/@original',
  );
});

test('object first, then the message', () => {
  const { logger, lines } = captureLogs();
  logger.info({ guildId: '1', round: 3 }, 'recap sent');
  expect(lines[0]).toMatchObject({ level: 30, guildId: '1', round: 3, msg: 'recap sent' });
});
