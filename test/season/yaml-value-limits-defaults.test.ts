/**
 * The loader's value limit at its real edge: two million values. Kept out of the season mutation group
 * (walking two million values under Stryker's instrumentation outlasts a test timeout on a busy machine);
 * the group tests the same comparison at a small injected limit.
 */
import { expect, test } from 'vitest';
import {
  checkYamlValueLimits,
  MAX_YAML_VALUES,
  YAML_VALUE_LIMITS,
} from '../../src/season/yaml-value-limits.js';

const messages = (root: unknown) => checkYamlValueLimits(root).map((p) => p.message);

test('the defaults are the documented limits', () => {
  expect(YAML_VALUE_LIMITS).toEqual({ values: 2_000_000, repeats: 100_000, depth: 32 });
});

test('values: a list and 1,999,999 scalars pass; one more is refused, once', () => {
  expect(messages(new Array(MAX_YAML_VALUES - 1).fill(0))).toEqual([]);
  expect(messages(new Array(MAX_YAML_VALUES).fill(0))).toEqual(['the file holds more than 2,000,000 values']);
  expect(messages(new Array(MAX_YAML_VALUES + 5).fill(0))).toEqual([
    'the file holds more than 2,000,000 values',
  ]);
});
