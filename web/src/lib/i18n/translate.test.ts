import { describe, expect, it } from 'vitest';
import { countryName, createTranslator, languageName, t } from './translate';

describe('t', () => {
  it('translates into the requested locale', () => {
    expect(t('fr', 'nav.groups')).toBe('Groupes');
    expect(t('zh-Hans', 'pagination.next')).toBe('下一页');
  });

  it('fills parameters and chooses plural forms', () => {
    expect(t('en', 'pagination.status', { page: 2, pageCount: 5 })).toBe('Page 2 of 5');
    expect(t('en', 'groups.count', { count: 1 })).toBe('1 group');
    expect(t('en', 'groups.count', { count: 1200 })).toBe('1,200 groups');
    expect(t('de', 'groups.count', { count: 1200 })).toBe('1.200 Gruppen');
    expect(t('ja', 'groups.count', { count: 3 })).toBe('3 グループ');
  });

  it('falls back along the locale chain for tags that are not offered', () => {
    expect(t('pt-PT', 'pagination.next')).toBe('Próxima');
    expect(t('fr-CA', 'pagination.next')).toBe('Suivant');
    expect(t('sw', 'pagination.next')).toBe('Next');
  });

  it('falls back key by key when a catalog lacks a string', () => {
    const translate = createTranslator({
      en: { 'nav.groups': 'Groups', 'pagination.next': 'Next' },
      'pt-BR': { 'nav.groups': 'Grupos' },
    });
    expect(translate('pt-BR', 'nav.groups')).toBe('Grupos');
    expect(translate('pt-BR', 'pagination.next')).toBe('Next');
    expect(translate('pt-BR', 'pagination.previous')).toBe('pagination.previous');
  });
});

describe('display names', () => {
  it('names languages and countries in the reader’s language', () => {
    expect(languageName('en', 'fr')).toBe('anglais');
    expect(languageName('pt-BR', 'en')).toBe('Brazilian Portuguese');
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('not a code', 'en')).toBe('not a code');
  });
});
