import { describe, expect, it } from 'vitest';
import { languageFirst, sameLanguage } from './activity';

describe('languageFirst', () => {
  it('puts the visitor’s language first and keeps the order otherwise', () => {
    const items = [{ language: 'en' }, { language: 'pt' }, { language: null }, { language: 'pt-BR' }];
    expect(languageFirst(items, 'pt-BR').map((i) => i.language)).toEqual(['pt', 'pt-BR', 'en', null]);
    expect(sameLanguage('zh-Hans', 'zh-Hans')).toBe(true);
    expect(sameLanguage('en', 'fr')).toBe(false);
  });
});
