import type { Command } from '../src/core/command.js';
import { localizeDefinition } from '../src/i18n/command-localizations.js';
import { calendar } from './calendar.js';
import { compare } from './compare.js';
import { driver } from './driver.js';
import { lineup } from './lineup.js';
import { recap } from './recap.js';
import { results } from './results.js';
import { scoring } from './scoring.js';
import { setup } from './setup.js';
import { standings } from './standings.js';
import { title } from './title.js';

const englishOnly: readonly Command[] = [
  standings,
  title,
  compare,
  driver,
  results,
  lineup,
  calendar,
  scoring,
  recap,
  setup,
];

/**
 * Every slash command, in the order they are registered and listed, with its names and descriptions in every
 * language of the catalogue (the one place localisations are applied). The bot, CLI and tests share it.
 */
export const commands: readonly Command[] = englishOnly.map((command) => ({
  ...command,
  definition: localizeDefinition(command.definition),
}));

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.definition.name === name);
}
