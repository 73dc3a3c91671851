// Bundle the bot process into dist/main.mjs (about 0.2 s). `npm start` runs the bundle with plain Node:
// no TypeScript loader at run time, so start-up and memory are Node's and the bot's own (options and why:
// scripts/bundle-options.mjs). dist/render-child.mjs is the picture renderer's process
// (src/pictures/render-process.ts starts it); dist/season-load-worker.mjs is the hot reload's loader thread
// (src/season/check-off-thread.ts starts it); dist/icu is the locale index `--icu-data-dir` points at
// (writeIcuLocaleIndex). `node scripts/build.mjs OUTDIR` builds elsewhere (a test's
// own copy, so that it never runs a bundle another build is rewriting); OUTDIR must stay inside the
// project, where node_modules and package.json are found.
import { build } from 'esbuild';
import { BUNDLE_OPTIONS, escapeNonAscii, writeIcuLocaleIndex } from './bundle-options.mjs';

const outdir = process.argv[2] ?? 'dist';
await build({
  ...BUNDLE_OPTIONS,
  entryPoints: {
    main: 'src/main.ts',
    'render-child': 'src/pictures/render-child.ts',
    'season-load-worker': 'src/season/load-worker.ts',
  },
  outdir,
  outExtension: { '.js': '.mjs' },
});
for (const name of ['main', 'render-child', 'season-load-worker']) escapeNonAscii(`${outdir}/${name}.mjs`);
writeIcuLocaleIndex(outdir);
