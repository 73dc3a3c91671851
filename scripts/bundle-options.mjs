// How the bot process is bundled — shared by scripts/build.mjs (npm start) and bench/bundle.ts, so the
// benchmarks measure exactly what npm start runs.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Pure-JS libraries loaded at start that only Pitboard uses: bundled, so that only the code Pitboard
// calls is parsed and kept (their sources stay in the heap for as long as the process runs). Everything
// else stays external: native addons (sqlite3, resvg), what discord.js itself loads (a second copy
// would cost more than it saves), and what is loaded lazily (yaml, the Redis client).
const BUNDLED = new Set(['zod', 'js-yaml', 'node-cron', 'fastest-levenshtein']);

/**
 * zod re-exports its 40-odd error-message languages as the namespace `z.locales`, which a bundler cannot
 * prune: ≈ 260 KB of the bot's bundle that V8 keeps as source for the life of the process. Pitboard never
 * calls `z.config(z.locales.xx())` (its messages are its own; zod's English default is imported directly by
 * zod and stays), so the namespace is bundled empty.
 */
const withoutZodLocales = {
  name: 'without-zod-locales',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

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
  plugins: [withoutZodLocales],
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

/**
 * Node's ICU data holds ≈ 800 locales, and the first Intl.NumberFormat opens the data of each to learn
 * which format numbers: ≈ 3 MB of the node binary's pages touched, counted in RSS for the life of the
 * process. A locale index listing only Pitboard's languages (scripts/icu/res_index.txt), placed where
 * `--icu-data-dir=OUTDIR/icu` makes ICU read it before its built-in one, limits that to six. Every other
 * piece of ICU data still comes from the node binary. The folder is named for the ICU that will read it
 * (icudt78l for ICU 78, little-endian): under another Node's ICU the index is simply not found and Node
 * keeps its full list.
 */
export function writeIcuLocaleIndex(outdir) {
  const major = process.versions.icu?.split('.')[0];
  if (!major) return;
  const dir = `${outdir}/icu/icudt${major}${endianness() === 'LE' ? 'l' : 'b'}`;
  mkdirSync(dir, { recursive: true });
  copyFileSync(new URL('icu/res_index.res', import.meta.url), `${dir}/res_index.res`);
}
