// Bundle the bot process into dist/main.mjs (about 0.2 s). `npm start` runs the bundle with plain Node:
// no TypeScript loader at run time, so start-up and memory are Node's and the bot's own. Packages stay
// external (native addons, fonts and data are loaded from node_modules and data/ as usual).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
