import { LOCALE_CODES } from '@chapterhouse/config';
import { describe, expect, it } from 'vitest';
import { MESSAGES, MESSAGE_KEYS, type Message } from './index';

const placeholders = (message: Message): string[] => {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((text) => text.match(/\{\w+\}/g) ?? []))].sort();
};

describe('message catalog', () => {
  it('has a catalog for every offered locale and none for others', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...LOCALE_CODES].sort());
  });

  it.each(LOCALE_CODES)('%s has every key, non-empty, with the same parameters as English', (code) => {
    const catalog = MESSAGES[code] ?? {};
    for (const key of MESSAGE_KEYS) {
      const message = catalog[key];
      const english = MESSAGES.en?.[key];
      expect(message, `${code}: ${key}`).toBeDefined();
      if (message === undefined || english === undefined) continue;
      const texts = typeof message === 'string' ? [message] : Object.values(message);
      for (const text of texts) expect(text.trim(), `${code}: ${key}`).not.toBe('');
      expect(placeholders(message), `${code}: ${key}`).toEqual(placeholders(english));
    }
    expect(Object.keys(catalog).sort()).toEqual([...MESSAGE_KEYS].sort());
  });

  it.each(LOCALE_CODES)('%s gives every counted message each plural form its language needs, and no other', (code) => {
    // The categories come from the language's CLDR plural rules, as Intl reports them.
    const needed = [...new Intl.PluralRules(code).resolvedOptions().pluralCategories].sort();
    const catalog = MESSAGES[code] ?? {};
    for (const key of MESSAGE_KEYS) {
      const english = MESSAGES.en?.[key];
      const message = catalog[key];
      if (typeof english === 'string' && typeof message === 'string') continue;
      expect(typeof message === 'object' ? Object.keys(message).sort() : message, `${code}: ${key}`).toEqual(needed);
    }
  });

  it('has all six Arabic forms wherever English counts', () => {
    expect([...new Intl.PluralRules('ar').resolvedOptions().pluralCategories].sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    const counted = MESSAGE_KEYS.filter((key) => typeof MESSAGES.en?.[key] === 'object');
    expect(counted.length).toBeGreaterThan(5);
    for (const key of counted) {
      const forms = MESSAGES.ar?.[key];
      expect(typeof forms === 'object' ? Object.keys(forms).sort() : forms, key).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    }
  });

  it('really translates: non-English catalogs differ from English in most strings', () => {
    for (const code of LOCALE_CODES.filter((c) => c !== 'en')) {
      const same = MESSAGE_KEYS.filter((key) => JSON.stringify(MESSAGES[code]?.[key]) === JSON.stringify(MESSAGES.en?.[key]));
      expect(same.length, `${code}: ${same.join(', ')}`).toBeLessThan(MESSAGE_KEYS.length / 5);
    }
  });
});
