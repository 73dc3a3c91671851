import { type Client, Events, type Interaction } from 'discord.js';
import { buildReply } from '../src/core/reply.js';
import { encodeReplyCallback } from '../src/discord/callback-body.js';
import { postCallback } from '../src/discord/responder.js';
import { literal } from '../src/replies/safe-text.js';
import { FLOOR_CHOICES_CALLBACK, FLOOR_COMMAND_NAME, floorReply } from './floor-command.js';

/**
 * The floors of the end-to-end section, answered before Pitboard's router sees them: what the transport
 * costs (discord.js turning the payload into an interaction, its REST client posting a callback encoded
 * once) and nothing of Pitboard's — no router, option flattening, invoker, command context, deadline,
 * responder or error boundary. All of that counts as each case's own cost.
 *
 * The press floor. A button press costs the transport more than a slash command does: its payload carries
 * the message the button is on, and discord.js builds a ButtonInteraction and a Message (cached in the
 * channel) from it before any handler runs. So a press is judged against a press: the same kind of message
 * with a button whose custom_id has exactly the length of the case's (same payload bytes), answered as soon
 * as discord.js hands it over with a fixed private "ok" posted the way Pitboard posts every callback
 * (postCallback with a body encoded once).
 */
export const FLOOR_PRESS_PREFIX = 'bench-floor:';

/** A floor button id exactly `length` characters long (Discord allows up to 100). */
export function floorPressId(length: number): string {
  if (length < FLOOR_PRESS_PREFIX.length || length > 100)
    throw new Error(`a floor press id cannot be ${length} characters long`);
  return FLOOR_PRESS_PREFIX.padEnd(length, 'x');
}

const FLOOR_PRESS_REPLY = buildReply({ content: literal('ok'), ephemeral: true });

/**
 * Floor presses — and, with `commands`, the floor command `/bench-floor` and its autocomplete — are
 * answered before the bot's router sees them (the bench's bots only). Every other interaction goes on to
 * the bot's own listener unchanged. `commands` is for the gateway bot of the end-to-end section: an HTTP
 * bot never emits interactions on the client, so a section comparing the two leaves it off.
 */
export function answerFloors(client: Client, { commands = false }: { commands?: boolean } = {}): void {
  const emit = client.emit.bind(client) as (event: string, ...args: unknown[]) => boolean;
  const warn = (err: unknown) => process.emitWarning(`floor not answered: ${String(err)}`);
  const intercept = (event: string, ...args: unknown[]): boolean => {
    if (event !== Events.InteractionCreate) return emit(event, ...args);
    const interaction = args[0] as Interaction;
    if (interaction.isButton() && interaction.customId.startsWith(FLOOR_PRESS_PREFIX)) {
      postCallback(interaction, encodeReplyCallback(FLOOR_PRESS_REPLY)).catch(warn);
      return true;
    }
    if (commands && interaction.isChatInputCommand() && interaction.commandName === FLOOR_COMMAND_NAME) {
      const reply = floorReply(
        interaction.options.getInteger('bytes'),
        interaction.options.getInteger('upload_bytes'),
      );
      postCallback(interaction, encodeReplyCallback(reply)).catch(warn);
      return true;
    }
    if (commands && interaction.isAutocomplete() && interaction.commandName === FLOOR_COMMAND_NAME) {
      postCallback(interaction, FLOOR_CHOICES_CALLBACK).catch(warn);
      return true;
    }
    return emit(event, ...args);
  };
  client.emit = intercept as Client['emit'];
}
