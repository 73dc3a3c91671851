import {
  REST,
  type RESTPutAPIApplicationCommandsResult,
  type RESTPutAPIApplicationGuildCommandsResult,
  Routes,
} from 'discord.js';
import { type Config, ConfigError } from '../config.js';
import type { Command } from '../core/command.js';
import { indexCommands } from './router.js';

/** The one REST call deployment makes; tests pass a fake or a REST pointed at the local Discord. */
export interface CommandRegistrar {
  put(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

export interface Deployment {
  scope: 'guild' | 'global';
  guildId: string | null;
  registered: RESTPutAPIApplicationCommandsResult | RESTPutAPIApplicationGuildCommandsResult;
}

/**
 * Replaces the application's commands with `commands` in one bulk overwrite: in DISCORD_GUILD_ID when set
 * (instant, for development), otherwise globally. Never run at start-up: registration is rate limited.
 * This module has no entry-point code: `npm run deploy` runs src/cli/deploy.ts, which nothing imports, so
 * the bundle `npm start` runs cannot register commands (the sandbox calls this once, for its local Discord).
 */
export async function deployCommands({
  config,
  commands,
  rest,
}: {
  config: Pick<Config, 'discord'>;
  commands: readonly Command[];
  rest?: CommandRegistrar;
}): Promise<Deployment> {
  const { token, applicationId, guildId, apiUrl } = config.discord;
  const missing = [
    ...(token || rest ? [] : ['DISCORD_TOKEN: required to register commands']),
    ...(applicationId ? [] : ['DISCORD_APPLICATION_ID: required to register commands']),
  ];
  if (missing.length > 0 || !applicationId) throw new ConfigError(missing);
  indexCommands(commands);

  const registrar = rest ?? new REST(apiUrl ? { api: apiUrl } : {}).setToken(token ?? '');
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await registrar.put(route, {
    body: commands.map((command) => command.definition),
  })) as Deployment['registered'];
  return { scope: guildId ? 'guild' : 'global', guildId, registered };
}

export function describeDeployment({ scope, guildId, registered }: Deployment): string {
  const where = scope === 'guild' ? `in guild ${guildId}` : 'globally';
  const lines = registered.map((command) => `  /${command.name}  (id ${command.id})`);
  return [`Registered ${registered.length} command(s) ${where}:`, ...lines].join('\n');
}
