/**
 * lookupMessage (command definitions, button labels) reads the catalogue as written. It must not go through
 * i18next's ICU plugin: that parses the message and keeps a formatter for it forever, and the definitions
 * of every command in every language are looked up at start (≈ 650 formatters and ICU's locale data in
 * the bot's memory before anyone asks anything; see bench/analysis.md, memory).
 */
import { describe, expect, test, vi } from 'vitest';
import { CATALOGUES, lookupMessage } from '../../src/i18n/catalogue.js';
import { LOCALES } from '../../src/i18n/locale.js';

describe('lookupMessage', () => {
  test('builds no ICU formatter and resolves no locale through Intl', async () => {
    vi.resetModules();
    const resolve = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    try {
      const fresh = await import('../../src/i18n/catalogue.js');
      for (const locale of LOCALES) {
        expect(fresh.lookupMessage(locale, 'options.season.description')).toBeTruthy();
        expect(fresh.lookupMessage(locale, 'replies.lineup.entryCount')).toBeTruthy();
      }
      // Formatting resolves no locale either (our formatters take the language from the compiler).
      fresh.plainText('fr', 'replies.lineup.entryCount', { count: 2 });
      expect(resolve).not.toHaveBeenCalled();
      // The check can fail: the spy sees a call.
      Intl.NumberFormat.supportedLocalesOf(['fr']);
      expect(resolve).toHaveBeenCalled();
    } finally {
      resolve.mockRestore();
    }
  });

  test.each(LOCALES)('%s: an ICU message comes back as written', (locale) => {
    expect(lookupMessage(locale, 'replies.lineup.entryCount')).toBe(
      CATALOGUES[locale].replies.lineup.entryCount,
    );
    expect(lookupMessage(locale, 'replies.lineup.entryCount')).toContain('{count, plural,');
  });

  test('plain definition text is returned as written', () => {
    expect(lookupMessage('fr', 'options.season.name')).toBe('saison');
    expect(lookupMessage('en', 'options.season.name')).toBe('season');
  });

  test.each([
    'options.season.nope',
    'options.season',
    'options',
    'options.season.name.more',
    'constructor',
    'toString',
    '__proto__.constructor',
    '',
  ])('a key the catalogue lacks (%j) is undefined', (key) => {
    expect(lookupMessage('de', key)).toBeUndefined();
  });
});
