import { z } from 'zod';
import type { RawCommandOption } from '../discord/interaction-types.js';

/** Interaction types (Discord's `InteractionType`). */
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

/** Component types (Discord's `ComponentType`) a press can come from that Pitboard answers. */
export const PressableComponent = { Button: 2, StringSelect: 3 } as const;

// The message the pressed component sits on; its interaction metadata names who ran the command.
const messageSchema = z.object({
  id: snowflake,
  interaction_metadata: z.object({ user: userSchema }).nullish(),
});

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
  // Commands and autocomplete send name and options; component presses custom_id, component_type, values.
  data: z
    .object({
      name: z.string().optional(),
      type: z.number().int().optional(),
      options: z.array(optionSchema).optional(),
      custom_id: z.string().min(1).max(100).optional(),
      component_type: z.number().int().optional(),
      values: z.array(z.string().max(100)).max(25).optional(),
    })
    .optional(),
  message: messageSchema.optional(),
});

/** The fields each kind needs (checked after the shape, so the problem names the missing field). */
function missingFields(interaction: z.infer<typeof interactionSchema>): string | null {
  const { type, data } = interaction;
  if (type === InteractionKind.Command || type === InteractionKind.Autocomplete) {
    if (data?.name === undefined) return 'data.name';
  } else if (type === InteractionKind.Component) {
    if (data?.custom_id === undefined) return 'data.custom_id';
    if (data.component_type === undefined) return 'data.component_type';
    if (interaction.message === undefined) return 'message';
  }
  return null;
}

export type InteractionPayload = z.infer<typeof interactionSchema>;

export type ParsedPayload = { ok: true; interaction: InteractionPayload } | { ok: false; problem: string };

/**
 * Why the endpoint does not handle a well-formed interaction, in one sentence, or null when it does:
 * commands, autocomplete, and presses of buttons and string selects (the components Pitboard sends).
 */
export function unhandledReason(interaction: InteractionPayload): string | null {
  const { type } = interaction;
  if (type === InteractionKind.Command || type === InteractionKind.Autocomplete) return null;
  if (type !== InteractionKind.Component) return `interactions of type ${type} are not handled`;
  const componentType = interaction.data?.component_type;
  if (componentType === PressableComponent.Button || componentType === PressableComponent.StringSelect)
    return null;
  return `component type ${componentType} is not handled (Pitboard answers buttons and string selects)`;
}

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
  if (parsed.success) {
    const missing = missingFields(parsed.data);
    if (missing === null) return { ok: true, interaction: parsed.data };
    return { ok: false, problem: `the interaction is malformed: ${missing} is missing` };
  }
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    problem: `the interaction is malformed at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
  };
}
