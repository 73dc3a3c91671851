import { createRequire } from 'node:module';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { type DataProblem, fieldPath } from './problems.js';

/** The `yaml` library costs ~50 ms to import: loaded on the first problem, never on a clean start. */
let yamlLibrary: typeof import('yaml') | null = null;
function locatingParser(): typeof import('yaml') {
  yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlLibrary;
}

/** A parsed YAML file that can tell the line of any field path, for error messages. */
export interface YamlFile {
  file: string;
  value: unknown;
  lineOf(path: readonly PropertyKey[]): number | null;
}

/**
 * Parse a season file. The fast path is js-yaml (several times quicker, it keeps start-up and reloads
 * short); the `yaml` library, which knows where every node sits, is only run when a line number is asked
 * for — that is, when there is a problem to report. Both read YAML 1.2's core schema (no dates, no
 * yes/no booleans), so they agree on every value.
 */
export function readYaml(file: string, text: string): { yaml: YamlFile; problems: DataProblem[] } {
  let located: { doc: Document; lines: LineCounter } | null = null;
  const locate = () => {
    if (!located) {
      const { LineCounter, parseDocument } = locatingParser();
      const lines = new LineCounter();
      located = {
        doc: parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true }),
        lines,
      };
    }
    return located;
  };
  const lineOf = (path: readonly PropertyKey[]): number | null => {
    const { doc, lines } = locate();
    const { isNode } = locatingParser();
    // Walk down as far as the path exists; a missing key points at its parent object.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return null;
  };
  try {
    const value = loadYaml(text, { schema: CORE_SCHEMA, filename: file });
    return { yaml: { file, value, lineOf }, problems: [] };
  } catch {
    // Report with the detailed parser: its messages and positions are the clearer ones.
    const errors = locate().doc.errors;
    const problems: DataProblem[] = (errors.length > 0 ? errors : [null]).map((error) => ({
      file,
      line: error?.linePos?.[0]?.line ?? null,
      field: '',
      message: error
        ? `YAML syntax: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`
        : 'YAML syntax: the file cannot be read as YAML',
    }));
    return { yaml: { file, value: undefined, lineOf }, problems };
  }
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
