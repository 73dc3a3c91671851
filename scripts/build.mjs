// Bundle the bot process into dist/main.mjs (about 0.2 s). `npm start` runs the bundle with plain Node:
// no TypeScript loader at run time, so start-up and memory are Node's and the bot's own. Packages stay
// external (native addons, fonts and data are loaded from node_modules and data/ as usual).
// dist/render-child.mjs is the picture renderer's process (src/pictures/render-process.ts starts it).
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/main.ts', 'render-child': 'src/pictures/render-child.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
