import { type Bundles, START_NODE_FLAGS } from './bundle.js';
import { bundledMemoryProbe, type MemoryScenario, memoryScenario, TSX_MEMORY_PROBE } from './memory.js';
import { log } from './support.js';

/**
 * Experiments that change how the product runs without changing its code, to show what the memory
 * numbers are made of (same interactions as the one-guild scenario of section 5):
 * - without each of the Node flags `npm start` passes (START_NODE_FLAGS): what each one buys;
 * - with `--enable-source-maps` added: what mapping stack traces to the TypeScript costs;
 * - through `node --import tsx` on the TypeScript sources instead of the bundle (development, tests).
 */
export interface WhatIfResult {
  /** One run per flag of `npm start`, without that flag. */
  withoutFlag: { flag: string; memory: MemoryScenario }[];
  sourceMapsMemory: MemoryScenario | null;
  tsxMemory: MemoryScenario | null;
  error: string | null;
}

export async function runWhatIf(options: { interactions: number }, bundles: Bundles): Promise<WhatIfResult> {
  const result: WhatIfResult = { withoutFlag: [], sourceMapsMemory: null, tsxMemory: null, error: null };
  const bundled = bundledMemoryProbe(bundles);
  try {
    for (const [i, flag] of START_NODE_FLAGS.entries()) {
      const memory = await memoryScenario(`one guild, without ${flag}`, 1, options.interactions, {
        ...bundled,
        execArgv: bundled.execArgv.filter((f) => f !== bundles.nodeFlags[i]),
      });
      result.withoutFlag.push({ flag, memory });
    }
    result.sourceMapsMemory = await memoryScenario(
      'one guild, with --enable-source-maps',
      1,
      options.interactions,
      { ...bundled, execArgv: [...bundled.execArgv, '--enable-source-maps'] },
    );
    result.tsxMemory = await memoryScenario(
      'one guild, through tsx',
      1,
      options.interactions,
      TSX_MEMORY_PROBE,
    );
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    log(`what-if failed: ${result.error}`);
  }
  return result;
}
