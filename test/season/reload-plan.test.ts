/**
 * The hot reload's decisions, as a pure function: which model each season serves after a reload, what the
 * outcome reports, and the order the catalog gets. The file-watching end to end is test/season/watch*.
 */
import { describe, expect, test } from 'vitest';
import type { SeasonModel } from '../../src/season/model.js';
import { type FolderFound, planReload } from '../../src/season/reload-plan.js';

const model = (id: string, version: string) => ({ id, version }) as SeasonModel;
const valid = (m: SeasonModel): FolderFound => ({
  id: m.id,
  folder: `/data/${m.id}`,
  result: { ok: true, model: m },
});
const broken = (id: string): FolderFound => ({
  id,
  folder: `/data/${id}`,
  result: { ok: false, problems: [{ file: 'season.yaml', line: 3, field: 'name', message: 'is required' }] },
});

describe('a valid folder', () => {
  test('new seasons are added in folder order', () => {
    const a = model('a', '1');
    const b = model('b', '1');
    const { outcome, models } = planReload([], [valid(b), valid(a)]);
    expect(outcome.added).toEqual([
      { id: 'b', version: '1' },
      { id: 'a', version: '1' },
    ]);
    expect(models).toEqual([b, a]);
    expect(outcome).toMatchObject({
      changed: [],
      removed: [],
      failed: [],
      unchanged: [],
      applied: false,
      error: null,
    });
  });

  test('the same version keeps the served model, and nothing to swap means no models', () => {
    const served = model('a', '1');
    const reread = model('a', '1');
    const { outcome, models } = planReload([served], [valid(reread)]);
    expect(outcome.unchanged).toEqual(['a']);
    expect(outcome.changed).toEqual([]);
    expect(models).toBeNull();
  });

  test('a changed version replaces the served model in its place; an unchanged one keeps the old object', () => {
    const b = model('b', '1');
    const a = model('a', '1');
    const a2 = model('a', '2');
    const bAgain = model('b', '1');
    const c = model('c', '1');
    const { outcome, models } = planReload([b, a], [valid(a2), valid(bAgain), valid(c)]);
    expect(outcome.changed).toEqual([{ id: 'a', from: '1', to: '2' }]);
    expect(outcome.unchanged).toEqual(['b']);
    expect(outcome.added).toEqual([{ id: 'c', version: '1' }]);
    expect(models).toEqual([b, a2, c]);
    expect(models?.[0]).toBe(b);
    expect(models?.[1]).toBe(a2);
  });
});

describe('a folder with problems', () => {
  test('keeps its last good model and says so', () => {
    const a = model('a', '1');
    const b = model('b', '1');
    const { outcome, models } = planReload([a, b], [broken('a')]);
    expect(outcome.failed).toEqual([
      {
        id: 'a',
        folder: '/data/a',
        problems: [expect.objectContaining({ message: 'is required' })],
        kept: true,
      },
    ]);
    expect(outcome.removed).toEqual(['b']);
    expect(models).toEqual([a]);
    expect(models?.[0]).toBe(a);
  });

  test('that never loaded is not served', () => {
    const a = model('a', '1');
    const c = model('c', '1');
    const { outcome, models } = planReload([a], [valid(a), broken('b'), valid(c)]);
    expect(outcome.failed.map(({ id, kept }) => ({ id, kept }))).toEqual([{ id: 'b', kept: false }]);
    expect(models).toEqual([a, c]);
  });

  test('alone changes nothing to swap', () => {
    const a = model('a', '1');
    expect(planReload([a], [broken('a')]).models).toBeNull();
  });
});

describe('a gone folder', () => {
  test('its season is removed when another remains', () => {
    const a = model('a', '1');
    const b = model('b', '1');
    const { outcome, models } = planReload([a, b], [valid(a)]);
    expect(outcome.removed).toEqual(['b']);
    expect(outcome.removalRefused).toEqual([]);
    expect(models).toEqual([a]);
  });

  test('is kept when no season would remain, and that alone swaps nothing', () => {
    const a = model('a', '1');
    const b = model('b', '1');
    const { outcome, models } = planReload([a, b], [broken('c')]);
    expect(outcome.removalRefused).toEqual(['a', 'b']);
    expect(outcome.removed).toEqual([]);
    expect(outcome.failed.map(({ id, kept }) => ({ id, kept }))).toEqual([{ id: 'c', kept: false }]);
    expect(models).toBeNull();
  });

  test('every folder gone: every season kept', () => {
    const a = model('a', '1');
    const { outcome, models } = planReload([a], []);
    expect(outcome.removalRefused).toEqual(['a']);
    expect(models).toBeNull();
  });

  test('removed while a new season is added: the new one is served alone', () => {
    const a = model('a', '1');
    const b = model('b', '1');
    const { outcome, models } = planReload([a], [valid(b)]);
    expect(outcome.removed).toEqual(['a']);
    expect(outcome.added).toEqual([{ id: 'b', version: '1' }]);
    expect(models).toEqual([b]);
  });
});
