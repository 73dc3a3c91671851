import { describe, expect, test } from 'vitest';
import { createAppContext } from '../../src/core/app-context.js';
import { completeRound } from '../../src/core/round-option.js';
import type { SeasonModel } from '../../src/season/model.js';

const model = createAppContext().catalog.defaultSeason();

/** A reload builds a new model object; here, the bundled one with round 4 moved to another circuit. */
function reloadedWithRound4At(circuit: string, shortName: string): SeasonModel {
  return {
    ...model,
    rounds: model.rounds.map((r) => (r.round === 4 ? { ...r, circuit, short_name: shortName } : r)),
  };
}

describe('round autocomplete, searched per model', () => {
  test('a reloaded model is searched by its own rounds, not the folded rounds of the model before it', () => {
    expect(completeRound(model, 'spa').map((c) => c.value)).toEqual([4]);
    const reloaded = reloadedWithRound4At('Circuit Zandvoort', 'Zandvoort');
    expect(completeRound(reloaded, 'zandvoort')).toEqual([
      { name: `4 · Zandvoort · ${model.rounds[3]?.date}`, value: 4 },
    ]);
    expect(completeRound(model, 'zandvoort')).toEqual([]);
    expect(completeRound(model, 'spa').map((c) => c.value)).toEqual([4]);
  });

  test('a caller changing a choice it got does not change the next answer', () => {
    const first = completeRound(model, '1');
    const [choice] = first;
    if (!choice) throw new Error('round 1 was not suggested');
    choice.name = 'changed';
    expect(completeRound(model, '1')[0]?.name).not.toBe('changed');
  });
});
