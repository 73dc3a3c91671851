import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './support.js';

export interface Bundles {
  dir: string;
  modelReady: string;
  memoryBot: string;
  main: string;
  remove(): void;
}

/**
 * Bundle the probes and the bot's entry point the way `npm start` does (scripts/build.mjs: esbuild,
 * bundle, ESM, node20, packages external, linked source maps), into tmp/ under the repository (git
 * ignores it) so that the bundles find package.json, node_modules and data/ exactly as dist/main.mjs does.
 * Run with `node --enable-source-maps`, as `npm start` runs dist/main.mjs.
 */
export async function buildBundles(): Promise<Bundles> {
  const dir = join(REPO_ROOT, 'tmp', `bench-bundle-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const entries = {
    modelReady: join(REPO_ROOT, 'bench/child/model-ready.ts'),
    memoryBot: join(REPO_ROOT, 'bench/child/memory-bot.ts'),
    main: join(REPO_ROOT, 'src/main.ts'),
  };
  const out = (name: string) => join(dir, `${name}.mjs`);
  // The picture renderer's process, next to the bundles as next to dist/main.mjs.
  const renderChild = { 'render-child': join(REPO_ROOT, 'src/pictures/render-child.ts') };
  for (const [name, entry] of Object.entries({ ...entries, ...renderChild }))
    await build({
      entryPoints: [entry],
      outfile: out(name),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      logLevel: 'warning',
    });
  return {
    dir,
    modelReady: out('modelReady'),
    memoryBot: out('memoryBot'),
    main: out('main'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
