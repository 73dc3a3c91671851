import { type Client, Events, type Interaction } from 'discord.js';
import { buildReply } from '../src/core/reply.js';
import { encodeReplyCallback } from '../src/discord/callback-body.js';
import { postCallback } from '../src/discord/responder.js';
import { literal } from '../src/replies/safe-text.js';

/**
 * The press floor. A button press costs the transport more than a slash command does: its payload carries
 * the message the button is on, and discord.js builds a ButtonInteraction and a Message (cached in the
 * channel) from it before any handler runs. So a press is judged against a press: the same kind of message
 * with a button whose custom_id has exactly the length of the case's (same payload bytes), answered as soon
 * as discord.js hands it over with a fixed private "ok" posted the way Pitboard posts every callback
 * (postCallback with a body encoded once). None of Pitboard's press path runs for it: no custom_id
 * decoding, no plan, no command, no private copy — all of that counts as the press's own cost.
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
 * Floor presses are answered before the bot's router sees them (the bench's bots only). Every other
 * interaction goes on to the bot's own listener unchanged.
 */
export function answerFloorPresses(client: Client): void {
  const emit = client.emit.bind(client) as (event: string, ...args: unknown[]) => boolean;
  const intercept = (event: string, ...args: unknown[]): boolean => {
    const interaction = args[0] as Interaction;
    if (
      event === Events.InteractionCreate &&
      interaction.isButton() &&
      interaction.customId.startsWith(FLOOR_PRESS_PREFIX)
    ) {
      postCallback(interaction, encodeReplyCallback(FLOOR_PRESS_REPLY)).catch((err: unknown) => {
        process.emitWarning(`floor press not answered: ${String(err)}`);
      });
      return true;
    }
    return emit(event, ...args);
  };
  client.emit = intercept as Client['emit'];
}
