// How the bot process is bundled — shared by scripts/build.mjs (npm start) and bench/bundle.ts, so the
// benchmarks measure exactly what npm start runs.
import { readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Pure-JS libraries loaded at start that only Pitboard uses: bundled, so that only the code Pitboard
// calls is parsed and kept (their sources stay in the heap for as long as the process runs). Everything
// else stays external: native addons (sqlite3, resvg), what discord.js itself loads (a second copy
// would cost more than it saves), and what is loaded lazily (yaml, the Redis client).
const BUNDLED = new Set(['zod', 'js-yaml', 'node-cron', 'fastest-levenshtein']);

export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name)),
  // Smaller sources to keep in memory; names are kept so stack traces still say which function.
  // `NODE_OPTIONS=--enable-source-maps npm start` maps them back to the TypeScript (costs ~5 MB of RSS).
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  logLevel: 'warning',
};

/**
 * esbuild escapes non-ASCII in strings but not in regular expressions and comments; one such character
 * makes V8 hold the whole bundle's source as UTF-16, twice the bytes. `\uXXXX` means the same in both.
 */
export function escapeNonAscii(file) {
  const text = readFileSync(file, 'utf8');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "anything beyond ASCII"
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}
