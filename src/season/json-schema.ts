import { z } from 'zod';
import { RoundClassificationFileSchema } from './classification-schema.js';
import { SEASON_FILE_NAMES, type SeasonFileName, seasonFileSchemas } from './schema.js';

/** JSON Schema for one season file, for editors (YAML language server) — generated from the zod schema. */
export function seasonFileJsonSchema(file: SeasonFileName): Record<string, unknown> {
  const schema = z.toJSONSchema(seasonFileSchemas()[file], { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return { ...schema, title: `Pitboard season file ${file}` };
}

export function jsonSchemaFileName(file: SeasonFileName): string {
  return file.replace(/\.yaml$/, '.schema.json');
}

export const ALL_SEASON_FILES: SeasonFileName[] = [...SEASON_FILE_NAMES];

/** JSON Schema for a round classification file (classifications/round-NN.yaml). */
export const CLASSIFICATION_SCHEMA_FILE = 'classification.schema.json';
export function classificationJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RoundClassificationFileSchema, { io: 'input', unrepresentable: 'any' });
  return { ...(schema as Record<string, unknown>), title: 'Pitboard round classification file' };
}
