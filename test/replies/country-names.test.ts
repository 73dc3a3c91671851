import { describe, expect, test } from 'vitest';
import { createAppContext } from '../../src/core/app-context.js';
import { countryName } from '../../src/replies/text.js';

describe('countryName', () => {
  test('names every nationality of the bundled season', () => {
    const model = createAppContext().catalog.defaultSeason();
    const codes = new Set([...model.people.values()].map((p) => p.nationality.iso));
    expect(codes.size).toBeGreaterThan(10);
    for (const code of codes) expect(countryName(code), code).not.toBe(code);
  });

  test('reads the English short names; a code that names no region stays as written', () => {
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('MC')).toBe('Monaco');
    expect(countryName('QQ')).toBe('QQ');
    expect(countryName('constructor')).toBe('constructor');
  });
});
