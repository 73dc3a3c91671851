import { MessageFlags } from 'discord.js';
import { describe, expect, test } from 'vitest';
import type { Reply } from '../../src/core/command.js';
import { toEditReplyOptions, toReplyOptions } from '../../src/discord/outgoing-message.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

describe('toReplyOptions', () => {
  test('keeps the reply allowed_mentions', () => {
    const reply: Reply = {
      data: { content: 'hi', allowed_mentions: { parse: [], users: ['1'], replied_user: false } },
    };
    expect(toReplyOptions(reply).allowedMentions).toEqual({ parse: [], users: ['1'], repliedUser: false });
  });

  test('a reply without allowed_mentions pings nobody', () => {
    expect(toReplyOptions({ data: { content: '@everyone' } }).allowedMentions).toEqual({ parse: [] });
  });

  test('passes content, embeds, components and flags through', () => {
    const embeds = [{ title: 'Standings' }];
    const options = toReplyOptions({
      data: { content: 'x', embeds, components: [], flags: MessageFlags.Ephemeral },
    });
    expect(options).toMatchObject({ content: 'x', embeds, components: [], flags: MessageFlags.Ephemeral });
  });

  test('files become attachments whose names the embeds refer to', () => {
    const reply: Reply = {
      data: {
        embeds: [{ image: { url: 'attachment://standings.png' } }],
        attachments: [{ id: 0, filename: 'standings.png', description: 'Pro Cup table' }],
      },
      files: [{ name: 'standings.png', contentType: 'image/png', data: png }],
    };
    const options = toReplyOptions(reply);
    expect(options.files).toEqual([
      { attachment: Buffer.from(png), name: 'standings.png', description: 'Pro Cup table' },
    ]);
    expect(options).not.toHaveProperty('attachments');
  });

  test('a file view over a larger buffer sends only its own bytes', () => {
    const backing = new Uint8Array([9, 9, ...png, 9]);
    const options = toReplyOptions({
      data: {},
      files: [{ name: 'a.png', contentType: 'image/png', data: backing.subarray(2, 6) }],
    });
    expect(options.files).toEqual([{ attachment: Buffer.from(png), name: 'a.png' }]);
  });

  test('an embed referring to a file the reply lacks is a bug, not a silent broken image', () => {
    const reply: Reply = { data: { embeds: [{ thumbnail: { url: 'attachment://missing.png' } }] } };
    expect(() => toReplyOptions(reply)).toThrowError(/attachment:\/\/missing\.png/);
  });

  test('two files with one name are refused', () => {
    const file = { name: 'a.png', contentType: 'image/png', data: png };
    expect(() => toReplyOptions({ data: {}, files: [file, file] })).toThrowError(/two files named a\.png/);
  });
});

describe('toEditReplyOptions', () => {
  test('drops the ephemeral flag (the deferral decided visibility) but keeps the others', () => {
    const flags = MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds;
    expect(toEditReplyOptions({ data: { content: 'x', flags } })).toEqual({
      content: 'x',
      flags: MessageFlags.SuppressEmbeds,
      allowedMentions: { parse: [] },
    });
    expect(toEditReplyOptions({ data: { content: 'x', flags: MessageFlags.Ephemeral } })).not.toHaveProperty(
      'flags',
    );
  });
});
