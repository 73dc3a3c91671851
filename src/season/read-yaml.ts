import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type DataProblem, fieldPath } from './problems.js';

/** A parsed YAML file that can tell the line of any field path, for error messages. */
export interface YamlFile {
  file: string;
  value: unknown;
  lineOf(path: readonly PropertyKey[]): number | null;
}

export function readYaml(file: string, text: string): { yaml: YamlFile; problems: DataProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const problems: DataProblem[] = doc.errors.map((error) => ({
    file,
    line: error.linePos?.[0]?.line ?? null,
    field: '',
    message: `YAML syntax: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
  }));
  const lineOf = (path: readonly PropertyKey[]): number | null => {
    // Walk down as far as the path exists; a missing key points at its parent object.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  const value = problems.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
  return { yaml: { file, value, lineOf }, problems };
}

/** Validate a parsed file against its schema; every issue becomes a problem with file, line and field. */
export function validateYaml<T>(
  yaml: YamlFile,
  schema: z.ZodType<T>,
): { data: T | null; problems: DataProblem[] } {
  const parsed = schema.safeParse(yaml.value);
  if (parsed.success) return { data: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => {
    const path =
      issue.code === 'unrecognized_keys' && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
    let message = issue.message;
    if (issue.code === 'unrecognized_keys')
      message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
    if (issue.code === 'invalid_type' && issue.input === undefined)
      message = `missing (write null if the value is unknown)`;
    return { file: yaml.file, line: yaml.lineOf(path), field: fieldPath(path), message };
  });
  return { data: null, problems };
}
