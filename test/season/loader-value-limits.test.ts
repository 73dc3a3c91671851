/**
 * The loader's limits on a parsed YAML value, at their exact edges (checkYamlValueLimits is pure, so the
 * values are built in memory): how many values, how many repeated by aliases, how deep, an alias loop, and
 * one problem only once a limit stopped the walk.
 */
import { describe, expect, test } from 'vitest';
import {
  checkYamlValueLimits,
  MAX_ALIAS_REPEATS,
  MAX_YAML_DEPTH,
  YAML_VALUE_LIMITS,
} from '../../src/season/yaml-value-limits.js';

const messages = (root: unknown) => checkYamlValueLimits(root).map((p) => p.message);

/** A list holding a list … `levels` deep, with a scalar inside the innermost one. */
function nested(levels: number): unknown {
  let value: unknown = [1];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

describe('checkYamlValueLimits', () => {
  test('values: a list and 999 scalars pass under a limit of 1,000; one more is refused, once', () => {
    // The list itself is one value. The real limit's edge is test/season/yaml-value-limits-defaults.test.ts.
    const limits = { ...YAML_VALUE_LIMITS, values: 1_000 };
    const messagesAt = (root: unknown) => checkYamlValueLimits(root, limits).map((p) => p.message);
    expect(messagesAt(new Array(999).fill(0))).toEqual([]);
    expect(messagesAt(new Array(1_000).fill(0))).toEqual(['the file holds more than 1,000 values']);
    expect(messagesAt(new Array(1_005).fill(0))).toEqual(['the file holds more than 1,000 values']);
  });

  test('aliases may repeat exactly 100,000 values; one more is refused', () => {
    const shared = new Array(999).fill(0); // 1,000 values with the list
    const repeats = MAX_ALIAS_REPEATS / 1000;
    const within = [shared, ...new Array(repeats).fill(shared), { one: 1 }];
    expect(messages(within)).toEqual([]);
    const tiny = {};
    expect(messages([shared, ...new Array(repeats).fill(shared), tiny, tiny])).toEqual([
      'YAML aliases repeat more than 100,000 values; write the data out instead',
    ]);
  });

  test(`nesting: a list ${MAX_YAML_DEPTH} levels below the top passes; one level more is refused`, () => {
    // The top list has an empty path; the innermost of `levels` lists has a path of levels - 1 keys.
    expect(messages(nested(MAX_YAML_DEPTH + 1))).toEqual([]);
    expect(messages(nested(MAX_YAML_DEPTH + 2))).toEqual([`nested more than ${MAX_YAML_DEPTH} levels deep`]);
  });

  test('a value that contains itself is a loop, named as such', () => {
    const loop: unknown[] = [];
    loop.push(loop);
    expect(checkYamlValueLimits({ a: loop })).toEqual([
      { path: ['a', 0], message: 'a YAML alias refers to a value that contains it (a loop)' },
    ]);
  });

  test('once a limit stopped the walk, the keys after it are not reported', () => {
    const parsed = JSON.parse('{"deep": null, "constructor": 1}') as Record<string, unknown>;
    parsed.deep = nested(MAX_YAML_DEPTH + 2);
    expect(messages(parsed)).toEqual([`nested more than ${MAX_YAML_DEPTH} levels deep`]);
    expect(messages(JSON.parse('{"constructor": 1}'))).toEqual([
      '"constructor" cannot be used as a key (a name reserved by JavaScript objects)',
    ]);
  });
});
