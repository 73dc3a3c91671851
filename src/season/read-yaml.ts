import { createRequire } from 'node:module';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { describeIssue } from './describe-issue.js';
import { findFirstIssues } from './first-issues.js';
import { type DataProblem, fieldPath, MAX_PROBLEMS_PER_FILE } from './problems.js';
import { describeSyntaxFault } from './yaml-syntax.js';
import { checkYamlValueLimits } from './yaml-value-limits.js';

/**
 * The locating parser is ten times slower than js-yaml and builds a large tree (a 4 MB file: 16 s and 1 GB),
 * so it only runs on files up to this size (thirty times the largest bundled file); problems in larger
 * files name the file and the field, without a line, and a syntax error is placed by js-yaml.
 */
export const MAX_LOCATED_CHARS = 1024 * 1024;

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
  /** Over MAX_LOCATED_CHARS: no line numbers, and validation looks for the first mistakes first. */
  large: boolean;
  lineOf(path: readonly PropertyKey[]): number | null;
}

/**
 * Parse a season file. The fast path is js-yaml (several times quicker, it keeps start-up and reloads
 * short); the `yaml` library, which knows where every node sits, is only run when a line number is asked
 * for — that is, when there is a problem to report. Both read YAML 1.2's core schema (no dates, no
 * yes/no booleans), so they agree on every value. Neither expands aliases here (js-yaml shares the aliased
 * object; the locating parser is only walked, never converted), and the parsed value is checked against
 * the size limits before anything walks it expanded. The text is at most MAX_SEASON_FILE_BYTES long.
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
  const locatable = text.length <= MAX_LOCATED_CHARS;
  const lineOf = (path: readonly PropertyKey[]): number | null => {
    if (!locatable) return null;
    try {
      const { doc, lines } = locate();
      const { isNode } = locatingParser();
      // Walk down as far as the path exists; a missing key points at its parent object.
      for (let depth = path.length; depth >= 0; depth--) {
        const node = doc.getIn(path.slice(0, depth) as unknown[], true);
        if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
      }
    } catch {
      // A file the locating parser cannot walk (nested too deep) still gets its message, without a line.
    }
    return null;
  };
  const large = !locatable;
  const failed = (problems: DataProblem[]) => ({ yaml: { file, value: undefined, large, lineOf }, problems });
  let value: unknown;
  try {
    value = loadYaml(text, { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    // Report with the detailed parser: its messages and positions are the clearer ones. js-yaml's own
    // message stands when only js-yaml objects (its nesting limit).
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason;
    const fallback = {
      line: typeof mark?.line === 'number' ? mark.line + 1 : null,
      message: `YAML syntax: ${reason ?? 'the file cannot be read as YAML'}`,
    };
    let fault: { line: number | null; message: string };
    try {
      const errors = locatable ? locate().doc.errors : [];
      fault = errors.length > 0 ? describeSyntaxFault(text, errors) : fallback;
    } catch {
      fault = fallback;
    }
    return failed([{ file, line: fault.line, field: '', message: fault.message }]);
  }
  const limits = checkYamlValueLimits(value);
  if (limits.length > 0)
    return failed(
      limits.map(({ path, message }) => ({ file, line: lineOf(path), field: fieldPath(path), message })),
    );
  return { yaml: { file, value, large, lineOf }, problems: [] };
}

/** Validate a parsed file against its schema; every issue becomes a problem with file, line and field. */
export function validateYaml<T>(
  yaml: YamlFile,
  schema: z.ZodType<T>,
): { data: T | null; problems: DataProblem[] } {
  // A large file is first searched for its first mistakes item by item: one wrong everywhere stops there.
  const early = yaml.large ? findFirstIssues(schema, yaml.value, MAX_PROBLEMS_PER_FILE) : [];
  const stoppedEarly = early.length >= MAX_PROBLEMS_PER_FILE;
  const parsed = stoppedEarly ? null : schema.safeParse(yaml.value);
  if (parsed?.success) return { data: parsed.data, problems: [] };
  const issues = parsed?.error.issues ?? early;
  // A line lookup costs a walk of the document: only the problems shown get one.
  const problems = issues.slice(0, MAX_PROBLEMS_PER_FILE).map((issue) => {
    const path =
      issue.code === 'unrecognized_keys' && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
    const message =
      path.length === 0 && yaml.value == null ? 'the file holds no data' : describeIssue(issue, yaml.value);
    return { file: yaml.file, line: yaml.lineOf(path), field: fieldPath(path), message };
  });
  if (stoppedEarly)
    problems.push({
      file: yaml.file,
      line: null,
      field: '',
      message: `checking stopped after these ${MAX_PROBLEMS_PER_FILE} problems; fix them and check again`,
    });
  else if (issues.length > MAX_PROBLEMS_PER_FILE)
    problems.push({
      file: yaml.file,
      line: null,
      field: '',
      message: `and ${issues.length - MAX_PROBLEMS_PER_FILE} more problems in this file`,
    });
  return { data: null, problems };
}
