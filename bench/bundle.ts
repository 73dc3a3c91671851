import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
// @ts-expect-error: a plain .mjs module without types
import { BUNDLE_OPTIONS, escapeNonAscii, writeIcuLocaleIndex } from '../scripts/bundle-options.mjs';
import { REPO_ROOT } from './support.js';

/**
 * The Node flags `npm start` runs dist/main.mjs with, read from package.json so that every bundled probe
 * runs exactly as the product does.
 */
export const START_NODE_FLAGS: readonly string[] = (() => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const match = /\bnode ((?:--\S+ )*)dist\/main\.mjs/.exec(pkg.scripts.start ?? '');
  if (!match) throw new Error('package.json: the start script does not run `node [flags] dist/main.mjs`');
  return (match[1] ?? '').trim().split(/\s+/).filter(Boolean);
})();

/**
 * START_NODE_FLAGS for bundles built in `dir` instead of dist/: a flag naming a path under dist/
 * (`--icu-data-dir=dist/icu`) names the same path under `dir`.
 */
export function nodeFlagsFor(dir: string): string[] {
  return START_NODE_FLAGS.map((flag) => flag.replace(/=dist\//, `=${dir}/`));
}

export interface Bundles {
  dir: string;
  /** START_NODE_FLAGS pointing at this build (nodeFlagsFor). */
  nodeFlags: string[];
  modelReady: string;
  memoryBot: string;
  bareClient: string;
  main: string;
  remove(): void;
}

/**
 * Bundle the probes and the bot's entry point the way `npm start` does (scripts/bundle-options.mjs, as
 * scripts/build.mjs uses them), into tmp/ under the repository (git
 * ignores it) so that the bundles find package.json, node_modules and data/ exactly as dist/main.mjs does.
 * Run with START_NODE_FLAGS, as `npm start` runs dist/main.mjs.
 */
export async function buildBundles(): Promise<Bundles> {
  const dir = join(REPO_ROOT, 'tmp', `bench-bundle-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const entries = {
    modelReady: join(REPO_ROOT, 'bench/child/model-ready.ts'),
    memoryBot: join(REPO_ROOT, 'bench/child/memory-bot.ts'),
    bareClient: join(REPO_ROOT, 'bench/child/bare-client.ts'),
    main: join(REPO_ROOT, 'src/main.ts'),
  };
  const out = (name: string) => join(dir, `${name}.mjs`);
  // The picture renderer's process, next to the bundles as next to dist/main.mjs.
  const renderChild = { 'render-child': join(REPO_ROOT, 'src/pictures/render-child.ts') };
  for (const [name, entry] of Object.entries({ ...entries, ...renderChild })) {
    await build({ ...(BUNDLE_OPTIONS as BuildOptions), entryPoints: [entry], outfile: out(name) });
    escapeNonAscii(out(name));
  }
  writeIcuLocaleIndex(dir);
  return {
    dir,
    nodeFlags: nodeFlagsFor(dir),
    modelReady: out('modelReady'),
    memoryBot: out('memoryBot'),
    bareClient: out('bareClient'),
    main: out('main'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
