/**
 * SafeText: the one type reply text may have (src/replies/safe-text.ts). The `@ts-expect-error` lines are
 * checked by `npm run typecheck`: if raw strings ever became acceptable, those lines would compile and the
 * typecheck would fail on the unused directive. The runtime tests pin what the helpers produce, and a scan
 * keeps every cast to SafeText inside its own module.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReply } from '../../src/core/reply.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import {
  bold,
  channelLink,
  joinSafe,
  literal,
  md,
  roleLink,
  type SafeEmbed,
  safe,
  truncateSafe,
} from '../../src/replies/safe-text.js';

const fromData: string = '**Spa** @everyone';

describe('raw text does not compile where reply text goes', () => {
  test('buildReply, embeds, md and literal refuse a plain string', () => {
    // @ts-expect-error content must be SafeText
    buildReply({ content: fromData });
    // @ts-expect-error an embed title must be SafeText
    const embed: SafeEmbed = { title: fromData };
    // @ts-expect-error a field name must be SafeText
    const field: SafeEmbed = { fields: [{ name: fromData, value: safe(fromData) }] };
    // @ts-expect-error md interpolates only SafeText or numbers
    md`Round 1 · ${fromData}`;
    // @ts-expect-error literal takes only text written in our code, not a string from data
    literal(fromData);
    // @ts-expect-error a separator is written in our code too
    joinSafe([safe(fromData)], fromData);
    expect([embed, field]).toHaveLength(2);
  });

  test('every cast to SafeText lives in safe-text.ts', () => {
    const offenders: string[] = [];
    const visit = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) visit(path);
        else if (path.endsWith('.ts') && !path.endsWith(join('replies', 'safe-text.ts')))
          if (/as\s+SafeText\b/.test(readFileSync(path, 'utf8')))
            offenders.push(relative(PROJECT_ROOT, path));
      }
    };
    visit(join(PROJECT_ROOT, 'src'));
    visit(join(PROJECT_ROOT, 'commands'));
    expect(offenders).toEqual([]);
  });
});

describe('safe text helpers', () => {
  test('safe escapes markup and breaks mentions; plain names pass unchanged', () => {
    expect(safe('Maximilian Götz')).toBe('Maximilian Götz');
    expect(safe('__Spa__ ~~24h~~ ||x|| `c`')).toBe('\\_\\_Spa\\_\\_ \\~\\~24h\\~\\~ \\|\\|x\\|\\| \\`c\\`');
    expect(safe('@everyone <@123>')).toBe('@\u200beveryone <\u200b@\u200b123>');
    expect(safe('> quote\n# heading\n1. item')).toBe('\\> quote\n\\# heading\n1\\. item');
  });

  test('md keeps our markup and the safe parts as they are', () => {
    expect(md`${bold(safe('**HTP**'))} — ${81} points`).toBe('**\\*\\*HTP\\*\\*** — 81 points');
    expect(joinSafe([safe('a_b'), literal('c')], ', ')).toBe('a\\_b, c');
  });

  test('truncateSafe cuts to the limit with an ellipsis, never inside a surrogate pair', () => {
    expect(truncateSafe(safe('abcdef'), 4)).toBe('abc…');
    expect(truncateSafe(safe('ab😀'), 4)).toBe('ab😀');
    expect(truncateSafe(safe('a😀😀'), 3)).toBe('a…');
  });

  test('channel and role links only for snowflakes; anything else is shown as text', () => {
    expect(channelLink('200000000000000001')).toBe('<#200000000000000001>');
    expect(roleLink('300000000000000001')).toBe('<@&300000000000000001>');
    expect(channelLink('@everyone')).toBe('@\u200beveryone');
    expect(roleLink('1> @here <')).toBe('1> @\u200bhere <');
  });
});
