import { MessageFlags } from 'discord.js';
import { expect, test } from 'vitest';
import { UserError } from '../../src/core/command.js';
import { buildUserErrorReply } from '../../src/core/user-error-reply.js';

test('the message verbatim, ephemeral, pinging nobody', () => {
  expect(buildUserErrorReply(new UserError('Round 9 does not exist: the season has 6 rounds.'))).toEqual({
    data: {
      content: 'Round 9 does not exist: the season has 6 rounds.',
      flags: MessageFlags.Ephemeral,
      allowed_mentions: { parse: [] },
    },
  });
});

test('suggestions follow as "Did you mean", markdown-escaped', () => {
  const reply = buildUserErrorReply(
    new UserError('No driver named "Buk".', ['Maximilian Buhk', '**Bold** Racer']),
  );
  expect(reply.data.content).toBe(
    'No driver named "Buk".\nDid you mean: Maximilian Buhk, \\*\\*Bold\\*\\* Racer?',
  );
});

test('a long list is cut to ten suggestions and the content to 2000 characters', () => {
  const suggestions = Array.from({ length: 30 }, (_, index) => `Driver ${index}`);
  const reply = buildUserErrorReply(new UserError('x'.repeat(1995), suggestions));
  expect(reply.data.content).toHaveLength(2000);
  expect(buildUserErrorReply(new UserError('?', suggestions)).data.content).toContain('Driver 9?');
});
