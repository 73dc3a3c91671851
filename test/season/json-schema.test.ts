import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ALL_SEASON_FILES, jsonSchemaFileName, seasonFileJsonSchema } from '../../src/season/json-schema.js';

describe('data/schema is generated from the zod schemas', () => {
  test.each(ALL_SEASON_FILES)('%s is up to date (run npm run schema:data)', (file) => {
    const path = fileURLToPath(new URL(`../../data/schema/${jsonSchemaFileName(file)}`, import.meta.url));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(seasonFileJsonSchema(file));
  });
  test('strict: unknown keys are rejected by the editor schema too', () => {
    const schema = seasonFileJsonSchema('calendar.yaml') as { additionalProperties?: unknown };
    expect(schema.additionalProperties).toBe(false);
  });
});
