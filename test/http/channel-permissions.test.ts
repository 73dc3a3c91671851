import { PermissionFlagsBits as P } from 'discord.js';
import { expect, test } from 'vitest';
import { computeChannelPermissions, type PermissionInputs } from '../../src/discord/channel-permissions.js';

const GUILD = '100';
const BOT = '200';
const BOT_ROLE = '300';
const OTHER_ROLE = '301';
const SEND = P.ViewChannel | P.SendMessages | P.EmbedLinks;

const base: PermissionInputs = {
  guildId: GUILD,
  ownerId: '999',
  userId: BOT,
  roles: [
    { id: GUILD, permissions: String(P.ViewChannel) },
    { id: BOT_ROLE, permissions: String(P.SendMessages | P.EmbedLinks) },
    { id: OTHER_ROLE, permissions: String(P.ManageGuild) },
  ],
  memberRoleIds: [BOT_ROLE],
  overwrites: [],
};
const ow = (id: string, type: number, allow: bigint, deny: bigint) => ({
  id,
  type,
  allow: String(allow),
  deny: String(deny),
});

test.each([
  ['@everyone and the member roles add up', base, SEND],
  ['a role the member lacks adds nothing', { ...base, memberRoleIds: [] }, P.ViewChannel],
  [
    '@everyone overwrite denies',
    { ...base, overwrites: [ow(GUILD, 0, 0n, P.ViewChannel)] },
    SEND & ~P.ViewChannel,
  ],
  [
    'a role overwrite allows back what @everyone denied',
    { ...base, overwrites: [ow(GUILD, 0, 0n, P.SendMessages), ow(BOT_ROLE, 0, P.SendMessages, 0n)] },
    SEND,
  ],
  [
    'the member overwrite wins over roles',
    { ...base, overwrites: [ow(BOT_ROLE, 0, P.EmbedLinks, 0n), ow(BOT, 1, 0n, P.EmbedLinks)] },
    SEND & ~P.EmbedLinks,
  ],
  [
    'an overwrite for a role the member lacks is ignored',
    { ...base, overwrites: [ow(OTHER_ROLE, 0, 0n, P.SendMessages)] },
    SEND,
  ],
])('%s', (_name, inputs, expected) => {
  expect(computeChannelPermissions(inputs)).toBe(expected);
});

test('administrator and owner get everything, overwrites notwithstanding', () => {
  const deny = [ow(GUILD, 0, 0n, P.ViewChannel)];
  const admin = { ...base, roles: [...base.roles, { id: '302', permissions: String(P.Administrator) }] };
  expect(computeChannelPermissions({ ...admin, memberRoleIds: ['302'], overwrites: deny }) & SEND).toBe(SEND);
  expect(computeChannelPermissions({ ...base, ownerId: BOT, overwrites: deny }) & SEND).toBe(SEND);
});
