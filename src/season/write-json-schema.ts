import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ALL_SEASON_FILES,
  CLASSIFICATION_SCHEMA_FILE,
  classificationJsonSchema,
  jsonSchemaFileName,
  seasonFileJsonSchema,
} from './json-schema.js';

// npm run schema:data — regenerate data/schema/*.schema.json after changing src/season/schema.ts.
const dir = fileURLToPath(new URL('../../data/schema', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const file of ALL_SEASON_FILES) {
  const path = join(dir, jsonSchemaFileName(file));
  writeFileSync(path, `${JSON.stringify(seasonFileJsonSchema(file), null, 2)}\n`);
  console.log(`wrote ${path}`);
}
const classificationPath = join(dir, CLASSIFICATION_SCHEMA_FILE);
writeFileSync(classificationPath, `${JSON.stringify(classificationJsonSchema(), null, 2)}\n`);
console.log(`wrote ${classificationPath}`);
