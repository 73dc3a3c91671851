/**
 * "Text from data files is markdown-escaped: a team called `@everyone` or `**x**` pings nobody and renders
 * as written." A copy of the bundled season with hostile names (the old names kept as aliases so every
 * cross-file reference still resolves) is answered by the real commands.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { type AppContext, createAppContext, DEFAULT_DATA_DIR } from '../../src/core/app-context.js';
import type { OptionValues } from '../../src/core/command.js';
import {
  ask,
  expectValidReply,
  liveMaskedLinks,
  MID_SEASON,
  mentionLeaks,
  renderedStrings,
} from './discord-limits.js';

const SEASON = '2013-blancpain-endurance-series';
const HOSTILE_TEAM = '@everyone **HTP** <@123> [x](http://x)';
const HOSTILE_PERSON = '@here __Max__ Buhk';

function rename(file: string, list: string, id: string, name: string) {
  const doc = parse(readFileSync(file, 'utf8')) as Record<
    string,
    { id: string; name: string; aliases: string[] }[]
  >;
  const item = doc[list]?.find((x) => x.id === id);
  if (!item) throw new Error(`${id} not in ${file}`);
  item.aliases = [...item.aliases, item.name];
  item.name = name;
  writeFileSync(file, stringify(doc));
}

let dir: string;
let app: AppContext;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pitboard-hostile-'));
  cpSync(join(DEFAULT_DATA_DIR, SEASON), join(dir, SEASON), { recursive: true });
  rename(join(dir, SEASON, 'teams.yaml'), 'teams', 'htp-motorsport', HOSTILE_TEAM);
  rename(join(dir, SEASON, 'people.yaml'), 'people', 'maximilian-buhk', HOSTILE_PERSON);
  app = createAppContext({ dataDir: dir, now: () => MID_SEASON });
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('hostile names in the data files', () => {
  test('the renamed season loads without problems', () => {
    expect([...app.problems]).toEqual([]);
    expect(app.catalog.get(SEASON)?.teams.get('htp-motorsport')?.name).toBe(HOSTILE_TEAM);
  });

  test.each<[string, string, OptionValues, string]>([
    ['/lineup car:84', 'lineup', { car: 84 }, '\\*\\*HTP\\*\\*'],
    ['/lineup team:htp', 'lineup', { team: 'htp' }, '\\*\\*HTP\\*\\*'],
    ['/results 4', 'results', { round: 4 }, '\\*\\*HTP\\*\\*'],
    ['/recap 5', 'recap', { round: 5 }, '\\*\\*HTP\\*\\*'],
    ['/driver Götz', 'driver', { name: 'Götz' }, '\\*\\*HTP\\*\\*'],
    ['/driver max', 'driver', { name: 'max' }, '\\_\\_Max\\_\\_ Buhk'],
  ])('%s shows the names as written and pings nobody', async (_line, command, options, escaped) => {
    const answer = await ask(command, options, app.makeContext());
    expectValidReply(answer);
    expect(answer.text).toContain(escaped);
    for (const text of renderedStrings(answer.reply.data)) {
      expect(mentionLeaks(text)).toEqual([]);
      expect(text).not.toContain('**HTP**');
      expect(liveMaskedLinks(text)).toEqual([]);
    }
  });

  // Product bugs found here, now fixed: each of these failed against the old code.
  test('/driver Buhk: the person embed title is the data name made safe', async () => {
    const answer = await ask('driver', { name: 'Buhk' }, app.makeContext());
    expectValidReply(answer);
    const title = answer.reply.data.embeds?.[0]?.title ?? '';
    expect(title).toContain('@\u200bhere \\_\\_Max\\_\\_ Buhk');
    expect(mentionLeaks(title)).toEqual([]);
  });

  test('/driver htp: the "matches a team" hint shows the team name made safe', async () => {
    const answer = await ask('driver', { name: 'htp' }, app.makeContext());
    expectValidReply(answer);
    const content = answer.reply.data.content ?? '';
    expect(content).toContain(
      'matches a team: try /lineup team:@\u200beveryone \\*\\*HTP\\*\\* <\u200b@\u200b123>',
    );
    expect(mentionLeaks(content)).toEqual([]);
    expect(liveMaskedLinks(content)).toEqual([]);
  });

  test('/lineup team:Motorsport: "Did you mean" suggestions are made safe, mentions broken', async () => {
    const answer = await ask('lineup', { team: 'Motorsport' }, app.makeContext());
    expectValidReply(answer);
    const content = answer.reply.data.content ?? '';
    expect(content).toMatch(/Did you mean: .*@\u200beveryone \\\*\\\*HTP\\\*\\\* <\u200b@\u200b123>/);
    expect(mentionLeaks(content)).toEqual([]);
    expect(liveMaskedLinks(content)).toEqual([]);
  });
});
