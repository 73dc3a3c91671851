/**
 * The season files' zod schemas are needed only while a season is loaded (src/season/schema.ts,
 * seasonFileSchemas): they must not stay in the bot's heap (≈ 0.9 MB) once the model is built.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import { createAppContext, DEFAULT_DATA_DIR } from '../../src/core/app-context.js';
import { heldSeasonFileSchemas } from '../../src/season/schema.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** WeakRefs are cleared only after the job that read them has ended. */
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

test('after loading, the season file schemas are left to the garbage collector; the model keeps working', async () => {
  const app = createAppContext({ dataDir: DEFAULT_DATA_DIR, defaultSeason: null });
  expect(app.problems.size).toBe(0);
  expect(heldSeasonFileSchemas()).toBeDefined();
  await nextTurn();
  gc();
  await nextTurn();
  expect(heldSeasonFileSchemas()).toBeUndefined();
  expect(app.catalog.list().length).toBeGreaterThan(0);
});
