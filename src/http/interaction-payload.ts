import { z } from 'zod';
import type { RawCommandOption } from '../discord/interaction-types.js';

/** Interaction types (Discord's `InteractionType`) the endpoint answers. */
export const InteractionKind = {
  Ping: 1,
  Command: 2,
  Component: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;

const snowflake = z.string().regex(/^\d{1,20}$/);

const optionSchema: z.ZodType<RawCommandOption> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.number().int(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(optionSchema).optional(),
  }),
) as z.ZodType<RawCommandOption>;

const userSchema = z.object({ id: snowflake });

// Only the fields Pitboard reads; Discord adds fields over time, so unknown keys are allowed.
const interactionSchema = z.object({
  id: snowflake,
  application_id: snowflake,
  type: z.number().int(),
  token: z.string().regex(/^[\w.-]{1,500}$/),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  member: z.object({ user: userSchema, permissions: z.string().regex(/^\d+$/) }).optional(),
  user: userSchema.optional(),
  locale: z.string().max(16).optional(),
  guild_locale: z.string().max(16).optional(),
  data: z
    .object({
      name: z.string(),
      type: z.number().int().optional(),
      options: z.array(optionSchema).optional(),
    })
    .optional(),
});

export type InteractionPayload = z.infer<typeof interactionSchema>;

export type ParsedPayload = { ok: true; interaction: InteractionPayload } | { ok: false; problem: string };

/** The verified body as an interaction, or one sentence saying what is wrong with it. */
export function parseInteractionPayload(body: Uint8Array): ParsedPayload {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch {
    return { ok: false, problem: 'the body is not JSON' };
  }
  if (typeof json === 'object' && json !== null && (json as { type?: unknown }).type === InteractionKind.Ping)
    return { ok: true, interaction: { ...(json as InteractionPayload), type: InteractionKind.Ping } };
  const parsed = interactionSchema.safeParse(json);
  if (parsed.success) return { ok: true, interaction: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    problem: `the interaction is malformed at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
  };
}
