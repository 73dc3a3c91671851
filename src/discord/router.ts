import type { Interaction } from 'discord.js';
import { handleComponentPress } from '../components/press-handler.js';
import type { Command } from '../core/command.js';
import {
  handleAutocomplete,
  handleChatInputCommand,
  type InteractionHandlerDeps,
} from './interaction-handler.js';

/** Commands by name; two modules claiming one name is a programming error caught at start-up. */
export function indexCommands(commands: readonly Command[]): ReadonlyMap<string, Command> {
  const byName = new Map<string, Command>();
  for (const command of commands) {
    const { name } = command.definition;
    if (byName.has(name)) throw new Error(`Two commands are named /${name}`);
    byName.set(name, command);
  }
  return byName;
}

/** Sends each interaction to its handler; kinds a standings bot does not use are ignored. */
export async function routeInteraction(
  interaction: Interaction,
  deps: InteractionHandlerDeps,
): Promise<void> {
  if (interaction.isChatInputCommand()) {
    await handleChatInputCommand(interaction, deps);
  } else if (interaction.isAutocomplete()) {
    await handleAutocomplete(interaction, deps);
  } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
    await handleComponentPress(interaction, deps);
  } else {
    deps.logger.debug({ interactionId: interaction.id, type: interaction.type }, 'ignored interaction kind');
  }
}
