/**
 * `/setup language`: the language of posts nobody asked for, stored (zod-validated) with the server's
 * settings in a real SQLite file, shown by /setup show, and the reply's text from the catalogue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCommand } from '../../src/core/run-command.js';
import { t } from '../../src/i18n/catalogue.js';
import { literal } from '../../src/replies/safe-text.js';
import { GuildSettingsSchema } from '../../src/store/settings-store.js';
import { bundledApp, commandNamed } from '../commands/discord-limits.js';
import { GUILD_ID, type SetupHarness, setupHarness } from '../commands/setup-context.js';

let dir: string;
let harness: SetupHarness;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pitboard-language-'));
  harness = await setupHarness(bundledApp(), dir);
});
afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

const setup = commandNamed('setup');
const run = (options: Record<string, string>) => runCommand(setup, options, harness.context());

describe('/setup language', () => {
  test('a language is stored with the settings and shown by /setup show', async () => {
    const { reply } = await run({ subcommand: 'language', language: 'fr' });
    expect(reply.data.content).toContain(
      'Recaps and living standings on this server will be posted in French.',
    );
    expect(reply.data.content).not.toContain('For now every post is in English');
    expect((await harness.services.settings.get(GUILD_ID))?.language).toBe('fr');
    const shown = await run({ subcommand: 'show' });
    expect(shown.reply.data.embeds?.[0]?.description).toContain('Language of posts: French');
  });

  test("each /setup write records the server's Discord locale, which posts fall back to", async () => {
    const context = harness.context();
    const inDutch = { ...context, invoker: { ...context.invoker, guildLocale: 'nl' } };
    await runCommand(setup, { subcommand: 'language', language: 'server' }, inDutch);
    expect((await harness.services.settings.get(GUILD_ID))?.guildLocale).toBe('nl');
  });

  test("'server' clears the choice: posts follow the server's language in Discord", async () => {
    const { reply } = await run({ subcommand: 'language', language: 'server' });
    expect(reply.data.content).toContain('in the server’s language as set in Discord, or in English');
    expect((await harness.services.settings.get(GUILD_ID))?.language).toBeNull();
  });

  test('anything else is one sentence listing the languages, and nothing is stored', async () => {
    await run({ subcommand: 'language', language: 'de' });
    const { reply } = await run({ subcommand: 'language', language: 'klingon' });
    expect(reply.data.content).toMatch(/^Pick a language from the list: English, Français, .*Español, /);
    expect((await harness.services.settings.get(GUILD_ID))?.language).toBe('de');
  });

  test('stored settings: a language we do not speak is refused; settings from before languages still read', () => {
    const stored = {
      guildId: GUILD_ID,
      channelId: null,
      mentionRoleId: null,
      spoilerDelayHours: 0,
      replay: null,
      broken: null,
      seasonId: null,
      updatedAt: '2026-12-01T00:00:00.000Z',
      updatedBy: null,
    };
    expect(GuildSettingsSchema.safeParse(stored).success).toBe(true);
    expect(GuildSettingsSchema.safeParse({ ...stored, language: 'es-ES' }).success).toBe(true);
    expect(GuildSettingsSchema.safeParse({ ...stored, language: 'pt-BR' }).success).toBe(false);
  });

  test('the catalogue speaks each language naturally, with ICU select', () => {
    expect(t('de', 'replies.setup.language.show', { language: literal('fr') })).toBe(
      'Sprache der Beiträge: Französisch',
    );
    expect(t('es-ES', 'replies.setup.language.set', { language: literal('it') })).toBe(
      'Los resúmenes y las clasificaciones en vivo de este servidor se publicarán en italiano.',
    );
  });
});
