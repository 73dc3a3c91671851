/**
 * A reply that uploads a picture is judged end to end against the floor command uploading a file of the
 * same size (bench/e2e.ts): the floor must upload exactly the bytes asked, and every picture case must
 * have a size to ask for.
 */
import { expect, test } from 'vitest';
import { COMMAND_CASES } from '../../bench/cases.js';
import { pictureBytes } from '../../bench/e2e.js';
import { floorCommand } from '../../bench/floor-command.js';

test.each([1, 1024, 131_073])(
  'the floor uploading %i bytes sends a file of exactly that size',
  async (bytes) => {
    const reply = await floorCommand.execute({ upload_bytes: bytes });
    expect(reply.files?.map((f) => f.data.byteLength)).toEqual([bytes]);
  },
);

test('every picture case has the size of its upload measured', { timeout: 120_000 }, async () => {
  const sizes = await pictureBytes();
  const pictures = COMMAND_CASES.filter((c) => c.picture).map((c) => c.label);
  expect([...sizes.keys()].sort()).toEqual(pictures.sort());
  for (const bytes of sizes.values()) expect(bytes).toBeGreaterThan(10_000);
});

test('the plain floor and the 1 KiB reference answer one shared reply each, as memoised commands do', async () => {
  expect(await floorCommand.execute({})).toBe(await floorCommand.execute({}));
  expect(await floorCommand.execute({ bytes: 1024 })).toBe(await floorCommand.execute({ bytes: 1024 }));
  expect(await floorCommand.execute({ bytes: 1024 })).not.toBe(await floorCommand.execute({ bytes: 512 }));
});
