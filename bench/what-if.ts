import type { Bundles } from './bundle.js';
import { bundledMemoryProbe, type MemoryScenario, memoryScenario, TSX_MEMORY_PROBE } from './memory.js';
import { log } from './support.js';

/**
 * Experiments that change how the product runs without changing its code, to show what the memory
 * numbers are made of (same interactions as the one-guild scenario of section 5):
 * - tsx: the bot run through `node --import tsx` on the TypeScript sources instead of the esbuild bundle;
 * - fixed mmap threshold: the bundle with glibc's MALLOC_MMAP_THRESHOLD_ pinned at 128 KiB, so that
 *   freed large buffers (PNG uploads) go back to the system instead of staying in the heap arenas;
 * - the same plus V8's `--max-semi-space-size=1` (a 1 MiB young generation instead of 16 MiB).
 */
export interface WhatIfResult {
  tsxMemory: MemoryScenario | null;
  mmapThresholdMemory: MemoryScenario | null;
  /** The threshold plus `--max-semi-space-size=1` (a smaller young generation). */
  smallYoungGenMemory: MemoryScenario | null;
  error: string | null;
}

export async function runWhatIf(options: { interactions: number }, bundles: Bundles): Promise<WhatIfResult> {
  const result: WhatIfResult = {
    tsxMemory: null,
    mmapThresholdMemory: null,
    smallYoungGenMemory: null,
    error: null,
  };
  try {
    result.mmapThresholdMemory = await memoryScenario(
      'one guild, MALLOC_MMAP_THRESHOLD_=131072',
      1,
      options.interactions,
      { ...bundledMemoryProbe(bundles), env: { MALLOC_MMAP_THRESHOLD_: '131072' } },
    );
    const bundled = bundledMemoryProbe(bundles);
    result.smallYoungGenMemory = await memoryScenario(
      'one guild, MALLOC_MMAP_THRESHOLD_=131072 and --max-semi-space-size=1',
      1,
      options.interactions,
      {
        ...bundled,
        execArgv: [...bundled.execArgv, '--max-semi-space-size=1'],
        env: { MALLOC_MMAP_THRESHOLD_: '131072' },
      },
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
