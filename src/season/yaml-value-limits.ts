/**
 * Limits on a parsed YAML value, checked before anything walks it. YAML aliases let a small file stand for a
 * huge value (each alias repeats a whole subtree; nest them and the size doubles per level), and the
 * validator, the cross-checks and the version hash all walk the expanded value. Each distinct node is
 * visited once, so the check costs as much as the file, not as much as the expansion.
 */

/** Values (scalars, lists, maps) written out; the largest generated benchmark file has about 380,000. */
export const MAX_YAML_VALUES = 2_000_000;
/** Values that aliases may repeat on top of those written out: plenty for sharing, nothing for a bomb. */
export const MAX_ALIAS_REPEATS = 100_000;
/** Nesting depth; the season schemas go 7 levels deep. */
export const MAX_YAML_DEPTH = 32;

export interface YamlValueLimits {
  values: number;
  repeats: number;
  depth: number;
}

export const YAML_VALUE_LIMITS: YamlValueLimits = {
  values: MAX_YAML_VALUES,
  repeats: MAX_ALIAS_REPEATS,
  depth: MAX_YAML_DEPTH,
};

/** Keys that would reach an object's prototype instead of its own data. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface ValueLimitProblem {
  path: PropertyKey[];
  message: string;
}

/** `limits` is for tests: walking two million values at the real edge is too slow under mutation testing. */
export function checkYamlValueLimits(root: unknown, limits = YAML_VALUE_LIMITS): ValueLimitProblem[] {
  const problems: ValueLimitProblem[] = [];
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  let written = 0;
  let repeated = 0;
  let stopped = false;
  const stop = (path: PropertyKey[], message: string) => {
    stopped = true;
    problems.push({ path, message });
  };

  /** The value's size with aliases expanded; a repeated object counts its known size without a walk. */
  const sizeOf = (value: unknown, path: PropertyKey[]): number => {
    if (stopped) return 0;
    if (value === null || typeof value !== 'object') {
      if (++written > limits.values)
        stop(path, `the file holds more than ${limits.values.toLocaleString('en')} values`);
      return 1;
    }
    const known = sizes.get(value);
    if (known !== undefined) {
      repeated += known;
      if (repeated > limits.repeats)
        stop(
          path,
          `YAML aliases repeat more than ${limits.repeats.toLocaleString('en')} values; write the data out instead`,
        );
      return known;
    }
    if (open.has(value)) {
      stop(path, 'a YAML alias refers to a value that contains it (a loop)');
      return 0;
    }
    if (path.length > limits.depth) {
      stop(path, `nested more than ${limits.depth} levels deep`);
      return 0;
    }
    written++;
    open.add(value);
    let size = 1;
    const keys: PropertyKey[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
    for (const key of keys) {
      if (typeof key === 'string' && RESERVED_NAMES.has(key))
        problems.push({
          path: [...path, key],
          message: `"${key}" cannot be used as a key (a name reserved by JavaScript objects)`,
        });
      size += sizeOf((value as Record<PropertyKey, unknown>)[key], [...path, key]);
      if (stopped) break;
    }
    open.delete(value);
    sizes.set(value, size);
    return size;
  };

  sizeOf(root, []);
  return problems;
}
