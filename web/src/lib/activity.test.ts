import { describe, expect, it } from 'vitest';
import { languageFirst, latestMix, sameLanguage } from './activity';

describe('languageFirst', () => {
  it('puts the visitor’s language first and keeps the order otherwise', () => {
    const items = [{ language: 'en' }, { language: 'pt' }, { language: null }, { language: 'pt-BR' }];
    expect(languageFirst(items, 'pt-BR').map((i) => i.language)).toEqual(['pt', 'pt-BR', 'en', null]);
    expect(sameLanguage('zh-Hans', 'zh-Hans')).toBe(true);
    expect(sameLanguage('en', 'fr')).toBe(false);
  });
});

describe('latestMix', () => {
  it('keeps the visitor’s language first and gives each kind at most its share', () => {
    const items = [
      { kind: 'event', language: 'en', id: 1 },
      { kind: 'event', language: 'de', id: 2 },
      { kind: 'event', language: 'de', id: 3 },
      { kind: 'event', language: 'de', id: 4 },
      { kind: 'post', language: 'en', id: 5 },
      { kind: 'photo', language: null, id: 6 },
    ];
    expect(latestMix(items, 'de', 2).map((i) => i.id)).toEqual([2, 3, 5, 6]);
  });
});
