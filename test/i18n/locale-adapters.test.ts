/**
 * The invoking user's language and the server's reach the command context from every adapter: the gateway
 * (real discord.js client against the local Discord), HTTP mode (the payload's `locale`/`guild_locale`),
 * components, the CLI (`--locale`) — and the reply language follows from them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseCliArguments } from '../../src/cli/run-cli.js';
import type { Command, Invoker } from '../../src/core/command.js';
import { buildInvoker } from '../../src/discord/options.js';
import { HttpInteraction, InlineAnswer, type WebhookRest } from '../../src/http/http-interaction.js';
import { parseInteractionPayload } from '../../src/http/interaction-payload.js';
import { REPLIES_LOCALISED, replyLocale, serverLocale } from '../../src/i18n/reply-locale.js';
import { safe } from '../../src/replies/safe-text.js';
import { type BotAgainstLocalDiscord, startBotAgainstLocalDiscord } from '../discord/e2e-harness.js';

/** A command that answers with the languages its context carries. */
const probe: Command = {
  definition: { name: 'probe', description: 'Says which languages it was asked in' },
  execute: (_options, { invoker }) => ({
    data: { content: safe(`${invoker.locale ?? '-'} / ${invoker.guildLocale ?? '-'}`) },
  }),
};

describe('gateway: the real client against the local Discord', () => {
  let harness: BotAgainstLocalDiscord;
  beforeAll(async () => {
    harness = await startBotAgainstLocalDiscord([probe]);
  }, 30_000);
  afterAll(async () => harness?.close());

  test("the user's locale and the server's preferred one reach the handler", async () => {
    const interaction = harness.discord.injectCommand({ name: 'probe', locale: 'fr' });
    const answer = (await interaction.final(15_000)) as { content?: string };
    expect(answer.content).toBe('fr / en-US');
  }, 30_000);
});

describe('HTTP mode', () => {
  const payload = (extra: Record<string, unknown>) =>
    new TextEncoder().encode(
      JSON.stringify({
        id: '1',
        application_id: '2',
        type: 2,
        token: 'tok',
        guild_id: '3',
        channel_id: '4',
        member: { user: { id: '5' }, permissions: '0' },
        data: { name: 'probe' },
        ...extra,
      }),
    );
  const invokerOf = (body: Uint8Array): Invoker => {
    const parsed = parseInteractionPayload(body);
    if (!parsed.ok) throw new Error(parsed.problem);
    return buildInvoker(new HttpInteraction(parsed.interaction, new InlineAnswer(), {} as WebhookRest));
  };

  test('locale and guild_locale from the payload', () => {
    expect(invokerOf(payload({ locale: 'de', guild_locale: 'nl' }))).toMatchObject({
      locale: 'de',
      guildLocale: 'nl',
    });
  });

  test('a payload without them is unknown, not an error', () => {
    expect(invokerOf(payload({}))).toMatchObject({ locale: null, guildLocale: null });
  });
});

describe('CLI', () => {
  test('--locale fr and --locale=es-ES', () => {
    expect(parseCliArguments('ask', ['/driver Buhk', '--locale', 'fr'])).toMatchObject({
      locale: 'fr',
      line: '/driver Buhk',
    });
    expect(parseCliArguments('complete', ['--locale=es-ES']).locale).toBe('es-ES');
    expect(parseCliArguments('ask', ['/calendar']).locale).toBeNull();
  });

  test('a language we do not speak is one clear sentence', () => {
    expect(() => parseCliArguments('ask', ['--locale', 'pt-BR'])).toThrow(
      '--locale takes one of en, en-GB, en-US, fr, de, it, nl, es-ES (got "pt-BR")',
    );
    expect(() => parseCliArguments('ask', ['--locale'])).toThrow(/--locale takes one of/);
  });
});

describe('which language a reply is written in', () => {
  const invoker = (locale: string | null): Invoker => ({
    guildId: null,
    channelId: null,
    userId: null,
    permissions: null,
    locale,
  });

  test('every reply is in the catalogue, so replies follow the reader; with the switch off everyone reads English', () => {
    expect(REPLIES_LOCALISED).toBe(true);
    expect(replyLocale(invoker('fr'))).toBe('fr');
    expect(serverLocale('de', 'fr')).toBe('de');
    expect(replyLocale(invoker('fr'), false)).toBe('en');
    expect(serverLocale('de', 'fr', false)).toBe('en');
  });

  test.each([
    ['fr', 'fr'],
    ['es-ES', 'es-ES'],
    ['en-GB', 'en'],
    ['pt-BR', 'en'],
    [null, 'en'],
  ])('a command asked in %s is answered in %s', (locale, expected) => {
    expect(replyLocale(invoker(locale), true)).toBe(expected);
  });

  test.each([
    ['de', 'fr', 'de'],
    [null, 'fr', 'fr'],
    [null, 'ja', 'en'],
    [null, null, 'en'],
  ])('a post with /setup language %s in a server preferring %s is in %s', (chosen, guild, expected) => {
    expect(serverLocale(chosen, guild, true)).toBe(expected);
  });
});
