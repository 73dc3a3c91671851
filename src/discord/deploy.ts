import { pathToFileURL } from 'node:url';
import {
  REST,
  type RESTPutAPIApplicationCommandsResult,
  type RESTPutAPIApplicationGuildCommandsResult,
  Routes,
} from 'discord.js';
import { type Config, ConfigError, readConfig } from '../config.js';
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

// Imported only when run as a script, so tests of deployCommands do not load every command module.
async function loadCommandList(): Promise<readonly Command[]> {
  return (await import('../../commands/index.js')).commands;
}

async function main(): Promise<void> {
  try {
    const deployment = await deployCommands({ config: readConfig(), commands: await loadCommandList() });
    process.stdout.write(`${describeDeployment(deployment)}\n`);
  } catch (err) {
    process.stderr.write(
      `Command registration failed: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
