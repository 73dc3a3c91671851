import { describe, expect, test } from 'vitest';
import { answerLine } from '../../src/cli/run-cli.js';
import { bundledApp } from '../commands/discord-limits.js';

const context = bundledApp().makeContext();
const ask = async (line: string, json = false) =>
  (await answerLine(line, { mode: 'ask', json, outDir: null }, context)).output;

describe('the CLI prints components and presses them', () => {
  test('ask lists each button and menu with the line that presses it', async () => {
    const text = await ask('/standings pro text:true');
    expect(text).toMatch(/^\[◀ Previous\] \(disabled\)$/m);
    expect(text).toMatch(/^\[Next ▶\] {2}press pb1:[0-9a-f]{8}:s:next:c=pro;p=2;t=1$/m);
    expect(text).toMatch(/^\[menu: Another class\] {2}press \S+ <pro \(shown\) \| pro-am \| gentlemen>$/m);
  });

  test('press <custom_id> prints the update as {"type":7} with --json, and reads as the next page', async () => {
    const next = /press (\S+:next:\S+)/.exec(await ask('/standings pro text:true'))?.[1];
    const json = JSON.parse(await ask(`press ${next}`, true));
    expect(json.type).toBe(7);
    expect(json.data.embeds[0].description).toMatch(/Page 2 of \d+/);
    expect(await ask(`press ${next}`)).toMatch(/^\(message updated\)\n== Pro Cup/);
  });

  test('press <menu custom_id> <value> chooses; a bad press answers one ephemeral sentence', async () => {
    const menu = /press (\S+:d:pick:\S*)/.exec(await ask('/driver Jones'))?.[1];
    expect(await ask(`press ${menu} philip-jones`)).toMatch(/Philip Jones/);
    for (const line of ['press', 'press nonsense', `press ${menu}`, `press ${menu} nobody-at-all`]) {
      const json = JSON.parse(await ask(line, true));
      expect(json.type).toBe(4);
      expect(json.data.flags).toBe(64);
      expect(json.data.content.split('\n')[0]).toMatch(/\.$/);
    }
  });
});
