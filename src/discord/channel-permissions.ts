import { PermissionFlagsBits } from 'discord.js';

export interface PermissionOverwrite {
  id: string;
  /** 0 role, 1 member. */
  type: number;
  allow: string;
  deny: string;
}

export interface PermissionInputs {
  guildId: string;
  ownerId: string | null;
  userId: string;
  /** Every role of the guild with its permission bitfield (the @everyone role's id is the guild's). */
  roles: readonly { id: string; permissions: string }[];
  memberRoleIds: readonly string[];
  overwrites: readonly PermissionOverwrite[];
}

const ALL = (1n << 64n) - 1n;

/**
 * A member's permissions in a channel, as Discord computes them: @everyone and the member's roles, then
 * (unless owner or administrator) the channel's overwrites — @everyone, the roles together, the member.
 * For the HTTP endpoint, which has no gateway cache for discord.js's `permissionsFor`.
 */
export function computeChannelPermissions(inputs: PermissionInputs): bigint {
  if (inputs.ownerId === inputs.userId) return ALL;
  const roleBits = new Map(inputs.roles.map((role) => [role.id, BigInt(role.permissions)]));
  let base = roleBits.get(inputs.guildId) ?? 0n;
  for (const id of inputs.memberRoleIds) base |= roleBits.get(id) ?? 0n;
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ALL;

  const apply = (bits: bigint, overwrite: PermissionOverwrite | undefined) =>
    overwrite ? (bits & ~BigInt(overwrite.deny)) | BigInt(overwrite.allow) : bits;
  let permissions = apply(
    base,
    inputs.overwrites.find((o) => o.id === inputs.guildId),
  );
  let roleAllow = 0n;
  let roleDeny = 0n;
  for (const overwrite of inputs.overwrites) {
    if (overwrite.type !== 0 || !inputs.memberRoleIds.includes(overwrite.id)) continue;
    roleAllow |= BigInt(overwrite.allow);
    roleDeny |= BigInt(overwrite.deny);
  }
  permissions = (permissions & ~roleDeny) | roleAllow;
  return apply(
    permissions,
    inputs.overwrites.find((o) => o.type === 1 && o.id === inputs.userId),
  );
}
