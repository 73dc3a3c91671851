/**
 * The ICU locale index `npm start` runs with (scripts/bundle-options.mjs, writeIcuLocaleIndex): Node's
 * Intl in the bot process offers Pitboard's languages only, so that the first Intl.NumberFormat does not
 * open the data of ≈ 800 locales (≈ 3 MB of RSS). It must be in effect under the flags npm start and the
 * Docker image pass, list every language Pitboard speaks, and change no formatted text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { nodeFlagsFor, START_NODE_FLAGS } from '../../bench/bundle.js';
// @ts-expect-error: a plain .mjs module without types
import { writeIcuLocaleIndex } from '../../scripts/bundle-options.mjs';
import { LOCALES } from '../../src/i18n/locale.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'pitboard-icu-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What a process's Intl offers and prints in each of Pitboard's languages. */
const PROBE = `
const locales = ${JSON.stringify(LOCALES)};
const date = new Date(Date.UTC(2013, 8, 29));
console.log(JSON.stringify({
  supported: Intl.NumberFormat.supportedLocalesOf(locales),
  japanese: Intl.NumberFormat.supportedLocalesOf(['ja']),
  graphemes: [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment('Mu\u0308cke 🇩🇪')].length,
  texts: locales.map((l) => [
    new Intl.NumberFormat(l).format(12345.5),
    new Intl.NumberFormat(l).format(1234),
    new Intl.PluralRules(l, { type: 'ordinal' }).select(2),
    new Intl.PluralRules(l).select(1),
    new Intl.DateTimeFormat(l, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date),
    new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }).of('GB'),
    new Intl.ListFormat(l, { type: 'conjunction' }).format(['a', 'b', 'c']),
  ]),
}));`;

interface Probe {
  supported: string[];
  japanese: string[];
  graphemes: number;
  texts: string[][];
}

function probe(flags: readonly string[]): Probe {
  const out = execFileSync(process.execPath, [...flags, '--input-type=module', '-e', PROBE], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe('the ICU locale index', () => {
  test('npm start and the Docker image run with the same Node flags, the index among them', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(ROOT, 'deploy/Dockerfile'), 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...START_NODE_FLAGS, 'dist/main.mjs']);
    expect(START_NODE_FLAGS).toContain('--icu-data-dir=dist/icu');
  });

  test('lists exactly the languages Pitboard speaks', () => {
    const source = readFileSync(join(ROOT, 'scripts/icu/res_index.txt'), 'utf8');
    const listed = [...source.matchAll(/^\s+([a-z]{2,3}) \{""\}$/gm)].map((m) => m[1]).sort();
    const spoken = [...new Set(LOCALES.map((l) => l.split('-')[0]))].sort();
    expect(listed).toEqual(spoken);
    // The compiled index holds the same names (genrb shares "es" with the tail of "InstalledLocales").
    const compiled = readFileSync(join(ROOT, 'scripts/icu/res_index.res')).toString('latin1');
    for (const language of spoken) expect(compiled).toMatch(new RegExp(`${language}\\0`));
  });

  test('is in effect under npm start’s flags and changes no formatted text', () => {
    writeIcuLocaleIndex(scratch);
    const withIndex = probe(nodeFlagsFor(scratch));
    const without = probe([]);
    expect(withIndex.japanese).toEqual([]);
    expect(without.japanese).toEqual(['ja']);
    expect(withIndex.supported).toEqual([...LOCALES]);
    expect(withIndex.texts).toEqual(without.texts);
    expect(withIndex.graphemes).toBe(without.graphemes);
  }, 60_000);
});
