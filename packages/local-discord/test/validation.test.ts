import { EmbedBuilder, SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  embedLength,
  formatProblems,
  toFormErrors,
  validateAutocompleteCallback,
  validateCommandDefinition,
  validateCommandList,
  validateInteractionCallback,
  validateMessageCreate,
  validateWebhookEdit,
} from '../src/index.js';

const codes = (problems: { path: (string | number)[]; code: string }[]) =>
  problems.map((p) => `${p.path.join('.')} ${p.code}`);

describe('message and callback bodies', () => {
  it('accepts what discord.js builds', () => {
    const embed = new EmbedBuilder()
      .setTitle('Pro Cup')
      .setDescription('Standings after round 5')
      .addFields({ name: '1. Buhk / Götz', value: '81 points', inline: true })
      .setFooter({ text: 'Published totals' })
      .setImage('attachment://standings.png')
      .setTimestamp(new Date('2013-09-29T12:00:00Z'))
      .toJSON();
    const data = {
      content: 'x',
      embeds: [embed],
      allowed_mentions: { parse: [] },
      flags: 64,
      attachments: [],
    };
    expect(validateInteractionCallback({ type: 4, data })).toEqual([]);
    expect(validateInteractionCallback({ type: 5, data: { flags: 64 } })).toEqual([]);
    expect(
      validateMessageCreate({ ...data, flags: 0, nonce: 's2013-r5-123-456', enforce_nonce: true }),
    ).toEqual([]);
  });

  it('applies the documented embed limits the spec lacks', () => {
    const field = { name: 'n', value: 'v'.repeat(1000) };
    const big = { title: 't'.repeat(256), fields: Array.from({ length: 6 }, () => field) };
    expect(embedLength(big)).toBe(256 + 6 * 1001);
    expect(codes(validateInteractionCallback({ type: 4, data: { embeds: [big] } }))).toEqual([
      'data.embeds MAX_EMBED_SIZE_EXCEEDED',
    ]);
    const problems = validateInteractionCallback({
      type: 4,
      data: {
        embeds: [
          {
            title: 't'.repeat(257),
            description: 'd'.repeat(4097),
            fields: [{ name: '', value: 'v'.repeat(1025) }],
            footer: { text: 'f'.repeat(2049) },
            author: { name: 'a'.repeat(257) },
          },
        ],
      },
    });
    expect(codes(problems)).toEqual(
      expect.arrayContaining([
        'data.embeds.0.title BASE_TYPE_MAX_LENGTH',
        'data.embeds.0.description BASE_TYPE_MAX_LENGTH',
        'data.embeds.0.fields.0.name BASE_TYPE_BAD_LENGTH',
        'data.embeds.0.fields.0.value BASE_TYPE_BAD_LENGTH',
        'data.embeds.0.footer.text BASE_TYPE_BAD_LENGTH',
        'data.embeds.0.author.name BASE_TYPE_BAD_LENGTH',
        'data.embeds MAX_EMBED_SIZE_EXCEEDED',
      ]),
    );
    const eleven = Array.from({ length: 11 }, () => ({ title: 'x' }));
    expect(codes(validateMessageCreate({ embeds: eleven }))).toEqual(['embeds BASE_TYPE_MAX_LENGTH']);
    const manyFields = { fields: Array.from({ length: 26 }, () => ({ name: 'a', value: 'b' })) };
    expect(codes(validateMessageCreate({ embeds: [manyFields] }))).toEqual([
      'embeds.0.fields BASE_TYPE_MAX_LENGTH',
    ]);
  });

  it('limits content to 2000 characters, counted as Discord counts them', () => {
    expect(codes(validateMessageCreate({ content: 'x'.repeat(2001) }))).toEqual([
      'content BASE_TYPE_MAX_LENGTH',
    ]);
    expect(validateMessageCreate({ content: '🏁'.repeat(2000) })).toEqual([]);
    expect(validateInteractionCallback({ type: 4, data: { embeds: [{ title: '🏁'.repeat(256) }] } })).toEqual(
      [],
    );
  });

  it('flags empty messages with 50006, unless a file is attached', () => {
    expect(validateMessageCreate({ content: '' })).toMatchObject([
      { code: 'MESSAGE_EMPTY', discordCode: 50006 },
    ]);
    expect(validateMessageCreate({ attachments: [{ id: '0' }] }, { files: 1 })).toEqual([]);
    expect(validateInteractionCallback({ type: 4, data: {} })).toMatchObject([{ discordCode: 50006 }]);
    expect(validateWebhookEdit({ content: '' })).toEqual([]);
  });

  it('checks the callback type against the interaction type', () => {
    expect(
      codes(validateInteractionCallback({ type: 8, data: { choices: [] } }, { interactionType: 2 })),
    ).toEqual(['type INTERACTION_RESPONSE_TYPE_INVALID']);
    expect(codes(validateInteractionCallback({ type: 42 }))).toEqual(['type BASE_TYPE_CHOICES']);
  });

  it('builds Discord-shaped form errors', () => {
    const problems = validateInteractionCallback({ type: 4, data: { content: 'x'.repeat(2001) } });
    expect(toFormErrors(problems)).toEqual({
      data: {
        content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
      },
    });
    expect(formatProblems(problems)).toEqual([
      'data.content: Must be 2000 or fewer in length. [BASE_TYPE_MAX_LENGTH]',
    ]);
  });
});

describe('autocomplete', () => {
  const choice = (name: string, value: string | number) => ({ name, value });
  it('accepts up to 25 choices, names 1–100, string values up to 100', () => {
    const ok = Array.from({ length: 25 }, (_, i) => choice(`Driver ${i}`, `d${i}`));
    expect(validateAutocompleteCallback({ type: 8, data: { choices: ok } })).toEqual([]);
    expect(validateAutocompleteCallback({ choices: ok })).toEqual([]);
    expect(
      codes(validateAutocompleteCallback({ type: 8, data: { choices: [...ok, choice('x', 'y')] } })),
    ).toEqual(['data.choices BASE_TYPE_MAX_LENGTH']);
    expect(
      codes(
        validateAutocompleteCallback({
          type: 8,
          data: { choices: [choice('', 'a'), choice('b', 'v'.repeat(101))] },
        }),
      ),
    ).toEqual(['data.choices.0.name BASE_TYPE_BAD_LENGTH', 'data.choices.1.value BASE_TYPE_MAX_LENGTH']);
  });

  it('checks choice values against the focused option type', () => {
    expect(
      codes(
        validateAutocompleteCallback(
          { type: 8, data: { choices: [choice('Spa', 'spa')] } },
          { focusedOptionType: 4 },
        ),
      ),
    ).toEqual(['data.choices.0.value NUMBER_TYPE_COERCE']);
    expect(
      validateAutocompleteCallback(
        { type: 8, data: { choices: [choice('Spa', 4)] } },
        { focusedOptionType: 4 },
      ),
    ).toEqual([]);
  });
});

describe('command definitions', () => {
  it('accepts what SlashCommandBuilder builds', () => {
    const command = new SlashCommandBuilder()
      .setName('driver')
      .setDescription('One driver')
      .addStringOption((o) =>
        o.setName('name').setDescription('Name').setRequired(true).setAutocomplete(true),
      )
      .addStringOption((o) => o.setName('season').setDescription('Season'))
      .addBooleanOption((o) => o.setName('hide').setDescription('Only you see the reply'))
      .setDefaultMemberPermissions('32')
      .toJSON();
    expect(validateCommandDefinition(command)).toEqual([]);
  });

  it('enforces the name pattern, lowercase, descriptions and counts', () => {
    expect(codes(validateCommandDefinition({ name: 'Standings', description: 'x' }))).toEqual([
      'name APPLICATION_COMMAND_INVALID_NAME',
    ]);
    expect(codes(validateCommandDefinition({ name: 'two words', description: 'x' }))).toEqual([
      'name APPLICATION_COMMAND_INVALID_NAME',
    ]);
    expect(validateCommandDefinition({ name: 'fahrer-ü', description: 'x' })).toEqual([]);
    expect(codes(validateCommandDefinition({ name: 'x', description: '' }))).toEqual([
      'description BASE_TYPE_BAD_LENGTH',
    ]);
    const option = (i: number) => ({ type: 3, name: `o${i}`, description: 'd' });
    expect(
      codes(
        validateCommandDefinition({
          name: 'x',
          description: 'x',
          options: Array.from({ length: 26 }, (_, i) => option(i)),
        }),
      ),
    ).toEqual(['options BASE_TYPE_MAX_LENGTH']);
  });

  it('enforces option order, choice limits and the 8000-character total', () => {
    const options = [
      { type: 3, name: 'a', description: 'a' },
      { type: 3, name: 'b', description: 'b', required: true },
    ];
    expect(codes(validateCommandDefinition({ name: 'x', description: 'x', options }))).toEqual([
      'options.1.required APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
    ]);
    const longChoices = [
      { type: 3, name: 'c', description: 'c', choices: [{ name: 'n', value: 'v'.repeat(101) }] },
    ];
    expect(codes(validateCommandDefinition({ name: 'x', description: 'x', options: longChoices }))).toEqual([
      'options.0.choices.0.value BASE_TYPE_MAX_LENGTH',
    ]);
    const fat = Array.from({ length: 25 }, (_, i) => ({
      type: 3,
      name: `o${i}`,
      description: 'd'.repeat(100),
      choices: Array.from({ length: 25 }, (_, j) => ({ name: `c${j}`, value: 'v'.repeat(10) })),
    }));
    expect(codes(validateCommandDefinition({ name: 'x', description: 'x', options: fat }))).toEqual([
      ' APPLICATION_COMMAND_TOO_LARGE',
    ]);
    expect(
      codes(
        validateCommandList([
          { name: 'x', description: 'x' },
          { name: 'x', description: 'y' },
        ]),
      ),
    ).toEqual(['1.name APPLICATION_COMMANDS_DUPLICATE_NAME']);
  });
});
