/**
 * What the bundle `npm start` runs carries (scripts/bundle-options.mjs): V8 keeps a bundle's whole source for
 * as long as the process runs, so code the bot never calls costs memory for nothing.
 */
import { type BuildOptions, build } from 'esbuild';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { BUNDLE_OPTIONS } from '../../scripts/bundle-options.mjs';

async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    ...(BUNDLE_OPTIONS as BuildOptions),
    entryPoints: [entry],
    write: false,
    outfile: 'bundle-contents-test.mjs',
    sourcemap: false,
    metafile: true,
  });
  return Object.keys(result.metafile?.inputs ?? {});
}

describe('the bot bundle', () => {
  test('leaves out zod’s error-message languages but keeps its English default', async () => {
    const inputs = await bundledInputs('src/main.ts');
    const zodLocales = inputs.filter((path) => /zod\/v4\/locales\//.test(path));
    expect(zodLocales.map((path) => path.replace(/.*\/locales\//, ''))).toEqual(['en.js']);
    expect(inputs.some((path) => /zod\/v4\/classic\/schemas\.js$/.test(path))).toBe(true);
  }, 60_000);
});
