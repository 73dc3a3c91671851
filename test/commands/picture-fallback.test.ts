import { afterEach, describe, expect, test, vi } from 'vitest';

// The renderer process fails (a crash, a broken install): the commands must still answer in full.
vi.mock('../../src/pictures/render-process.js', () => ({
  renderInChildProcess: () => Promise.reject(new Error('the picture renderer failed (exit code 1)')),
}));

const { commands } = await import('../../commands/index.js');
const { createAppContext } = await import('../../src/core/app-context.js');
const { runCommand } = await import('../../src/core/run-command.js');

const app = createAppContext({ now: () => new Date('2013-12-01T12:00:00Z') });
const context = app.makeContext({ guildId: null, channelId: null, userId: null, permissions: null });
const command = (name: string) => {
  const found = commands.find((c) => c.definition.name === name);
  if (!found) throw new Error(`no /${name}`);
  return found;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a picture that cannot be drawn', () => {
  test.each([
    ['standings', { class: 'pro' }, 'Maximilian Buhk'],
    ['calendar', {}, 'Nürburgring'],
  ])(
    '/%s answers with its complete text embed, no file, and warns the operator',
    async (name, options, text) => {
      const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
      const { reply, failure } = await runCommand(command(name), options, context);
      expect(failure).toBeNull();
      expect(reply.files ?? []).toEqual([]);
      expect(reply.data.attachments).toBeUndefined();
      expect(reply.data.embeds?.[0]?.image).toBeUndefined();
      expect(JSON.stringify(reply.data.embeds)).toContain(text);
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/picture not drawn.*exit code 1/),
        'PitboardPictureWarning',
      );
    },
  );
});
