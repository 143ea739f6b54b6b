import { describe, expect, it } from 'vitest';
import { countryName, createTranslator, languageName, listOf, placeName, t } from './translate';

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
    // French counts a million with "de", as CLDR's "many" category says.
    expect(t('fr', 'groups.count', { count: 2_000_000 })).toBe('2\u202f000\u202f000 de groupes');
  });

  it('chooses among the six Arabic forms by the number', () => {
    // The forms of CLDR's Arabic plural rules, worked by hand: 3–10 "few", 11–99 "many",
    // and the same again past each hundred (103 is few, 111 many, 100 and 102 other).
    const groups = (count: number) => t('ar', 'groups.count', { count });
    expect(groups(0)).toBe('لا توجد مجموعات');
    expect(groups(1)).toBe('مجموعة واحدة');
    expect(groups(2)).toBe('مجموعتان');
    expect(groups(3)).toBe('3 مجموعات');
    expect(groups(10)).toBe('10 مجموعات');
    expect(groups(11)).toBe('11 مجموعة');
    expect(groups(99)).toBe('99 مجموعة');
    expect(groups(100)).toBe('100 مجموعة');
    expect(groups(103)).toBe('103 مجموعات');
    expect(groups(111)).toBe('111 مجموعة');
    expect(t('ar', 'recurrence.dailyInterval', { count: 2 })).toBe('كل يومين');
    expect(t('ar', 'recurrence.dailyInterval', { count: 5 })).toBe('كل 5 أيام');
    expect(t('ar', 'recurrence.dailyInterval', { count: 15 })).toBe('كل 15 يومًا');
  });

  it('isolates names inside right-to-left sentences, and only there', () => {
    expect(t('ar', 'events.hostedBy', { group: 'C++ Users' })).toBe('بتنظيم من \u2068C++ Users\u2069');
    expect(t('en', 'events.hostedBy', { group: 'C++ Users' })).toBe('Hosted by C++ Users');
    expect(t('ar', 'pagination.status', { page: 2, pageCount: 5 })).toBe('الصفحة 2 من 5');
  });

  it('falls back along the locale chain for tags that are not offered', () => {
    expect(t('pt-PT', 'pagination.next')).toBe('Próxima');
    expect(t('fr-CA', 'pagination.next')).toBe('Suivant');
    expect(t('sw', 'pagination.next')).toBe('Next');
    expect(t('ar-EG', 'pagination.next')).toBe('التالي');
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

  it('joins a city and a country, and lists, as the reader’s language does', () => {
    expect(placeName('Cairo', 'EG', 'en')).toBe('Cairo, Egypt');
    expect(placeName('Cairo', 'EG', 'ar')).toBe('\u2068Cairo\u2069، \u2068مصر\u2069');
    expect(placeName(null, 'EG', 'fr')).toBe('Égypte');
    expect(placeName('Cairo', null, 'fr')).toBe('Cairo');
    expect(listOf(['French', 'English'], 'en')).toBe('French and English');
    expect(listOf(['الفرنسية', 'الإنجليزية'], 'ar')).toBe('الفرنسية والإنجليزية');
  });
});
