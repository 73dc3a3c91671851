import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startLocalDiscord } from '@pitboard/local-discord';
import { describe, expect, test } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { type CommandRegistrar, deployCommands, describeDeployment } from '../../src/discord/deploy.js';
import { defineCommand } from './fakes.js';

const APP = '100000000000000001';
const GUILD = '200000000000000002';
const commands = [
  defineCommand('standings', () => ({ data: {} })),
  defineCommand('driver', () => ({ data: {} })),
];

function recordingRegistrar() {
  const puts: { route: string; body: unknown }[] = [];
  const registrar: CommandRegistrar = {
    async put(route, { body }) {
      puts.push({ route, body });
      return (body as { name: string }[]).map((command, index) => ({ ...command, id: String(900 + index) }));
    },
  };
  return { registrar, puts };
}

const discordConfig = (guildId: string | null) => ({
  discord: { token: 'token', applicationId: APP, guildId, apiUrl: null },
});

describe('deployCommands', () => {
  test('with DISCORD_GUILD_ID: one bulk overwrite of the guild commands', async () => {
    const { registrar, puts } = recordingRegistrar();
    const deployment = await deployCommands({ config: discordConfig(GUILD), commands, rest: registrar });
    expect(puts).toEqual([
      { route: `/applications/${APP}/guilds/${GUILD}/commands`, body: commands.map((c) => c.definition) },
    ]);
    expect(deployment.scope).toBe('guild');
    expect(describeDeployment(deployment)).toBe(
      `Registered 2 command(s) in guild ${GUILD}:\n  /standings  (id 900)\n  /driver  (id 901)`,
    );
  });

  test('without it: global commands', async () => {
    const { registrar, puts } = recordingRegistrar();
    const deployment = await deployCommands({ config: discordConfig(null), commands, rest: registrar });
    expect(puts[0]?.route).toBe(`/applications/${APP}/commands`);
    expect(describeDeployment(deployment)).toMatch(/^Registered 2 command\(s\) globally:/);
  });

  test('needs the token and the application id, naming both', async () => {
    const config = { discord: { token: null, applicationId: null, guildId: null, apiUrl: null } };
    const error = await deployCommands({ config, commands }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DISCORD_TOKEN: required to register commands',
      'DISCORD_APPLICATION_ID: required to register commands',
    ]);
  });

  test('refuses two commands with one name before calling Discord', async () => {
    const { registrar, puts } = recordingRegistrar();
    const duplicated = [...commands, defineCommand('driver', () => ({ data: {} }))];
    await expect(
      deployCommands({ config: discordConfig(null), commands: duplicated, rest: registrar }),
    ).rejects.toThrow('Two commands are named /driver');
    expect(puts).toEqual([]);
  });
});

describe('npm run deploy (src/cli/deploy.ts, the only entry that registers)', () => {
  test('one bulk overwrite of the product commands in the guild, and what it registered', async () => {
    const discord = await startLocalDiscord();
    const guildId = discord.guilds[0]?.id ?? '';
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'src/cli/deploy.ts'],
        {
          cwd: fileURLToPath(new URL('../..', import.meta.url)),
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            DISCORD_TOKEN: discord.token,
            DISCORD_APPLICATION_ID: discord.applicationId,
            DISCORD_GUILD_ID: guildId,
            DISCORD_API_URL: discord.restUrl,
          },
          timeout: 60_000,
        },
      );
      const puts = discord.journal.filter((e) => e.method === 'PUT' && /\/commands$/.test(e.path));
      expect(puts).toHaveLength(1);
      expect(stdout).toMatch(
        new RegExp(`^Registered \\d+ command\\(s\\) in guild ${guildId}:\n {2}/standings`),
      );
    } finally {
      await discord.close();
    }
  }, 90_000);
});
