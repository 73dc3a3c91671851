import { z } from 'zod';

type Issue = z.core.$ZodIssue;

/**
 * Up to `limit` of the issues a schema would report for a value, found by walking lists item by item and
 * stopping at the limit. zod itself has no early stop: a large file that is wrong everywhere costs it
 * seconds and a gigabyte of issues before the first one can be shown. Every issue found here is one the
 * full parse reports too (leaves are parsed by their own schema); some are missed (object-level checks,
 * unknown keys), so fewer than `limit` means "run the full parse", not "valid".
 */
export function findFirstIssues(schema: z.ZodType, value: unknown, limit: number): Issue[] {
  const found: Issue[] = [];
  const walk = (node: z.ZodType, input: unknown, path: PropertyKey[]): void => {
    if (found.length >= limit) return;
    if (node instanceof z.ZodNullable) {
      if (input === null) return;
      walk(node.unwrap() as z.ZodType, input, path);
      return;
    }
    if (node instanceof z.ZodOptional) {
      if (input === undefined) return;
      walk(node.unwrap() as z.ZodType, input, path);
      return;
    }
    if (node instanceof z.ZodArray && Array.isArray(input)) {
      for (let index = 0; index < input.length && found.length < limit; index++)
        walk(node.element as z.ZodType, input[index], [...path, index]);
      return;
    }
    if (node instanceof z.ZodObject && isPlainObject(input)) {
      for (const [key, field] of Object.entries(node.shape as Record<string, z.ZodType>))
        if (Object.hasOwn(input, key)) walk(field, input[key], [...path, key]);
      return;
    }
    const parsed = node.safeParse(input);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      if (found.length >= limit) return;
      found.push({ ...issue, path: [...path, ...issue.path] } as Issue);
    }
  };
  walk(schema, value, []);
  return found;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
