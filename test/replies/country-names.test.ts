import { afterEach, describe, expect, test } from 'vitest';
import { createAppContext } from '../../src/core/app-context.js';
import { countryName } from '../../src/replies/text.js';

describe('countryName', () => {
  test('names every nationality of the bundled season', () => {
    const model = createAppContext().catalog.defaultSeason();
    const codes = new Set([...model.people.values()].map((p) => p.nationality.iso));
    expect(codes.size).toBeGreaterThan(10);
    for (const code of codes) expect(countryName(code, 'en'), code).not.toBe(code);
  });

  test('reads the English short names; a code that names no region stays as written', () => {
    expect(countryName('DE', 'en')).toBe('Germany');
    expect(countryName('GB', 'en')).toBe('United Kingdom');
    expect(countryName('MC', 'en')).toBe('Monaco');
    expect(countryName('QQ', 'en')).toBe('QQ');
    expect(countryName('constructor', 'en')).toBe('constructor');
  });

  test("names a country in the reader's language", () => {
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('GB', 'de')).toBe('Vereinigtes Königreich');
    expect(countryName('NL', 'nl')).toBe('Nederland');
    expect(countryName('QQ', 'fr')).toBe('QQ');
  });

  describe('whatever region names the Node build carries', () => {
    // Intl's members are writable at run time; the type says read-only.
    const intl = Intl as { DisplayNames: unknown };
    const original = intl.DisplayNames;
    const runtime = (of: (code: string) => string | undefined) => {
      intl.DisplayNames = class {
        of = of;
      };
    };
    afterEach(() => {
      intl.DisplayNames = original;
    });

    test('names come from our tables in every language, never from the runtime', () => {
      runtime(() => 'Runtime name');
      expect(countryName('GB', 'en')).toBe('United Kingdom');
      expect(countryName('DE', 'fr')).toBe('Allemagne');
    });

    test('a runtime without names (small ICU, or a throwing one) changes nothing', () => {
      runtime(() => undefined);
      expect(countryName('DE', 'fr')).toBe('Allemagne');
      runtime(() => {
        throw new RangeError('Incorrect locale information provided');
      });
      expect(countryName('DE', 'de')).toBe('Deutschland');
    });
  });
});
