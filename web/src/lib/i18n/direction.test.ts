import { describe, expect, it } from 'vitest';
import { dirOf, listParts } from './direction';

describe('dirOf', () => {
  it('marks text whose direction differs from the page’s', () => {
    expect(dirOf('en', 'ar')).toBe('ltr');
    expect(dirOf('ar', 'fr')).toBe('rtl');
    expect(dirOf('he', 'en')).toBe('rtl');
  });

  it('adds nothing where the directions agree, and asks the browser where the language is unknown', () => {
    expect(dirOf('fr', 'en')).toBeUndefined();
    expect(dirOf('ar-EG', 'ar')).toBeUndefined();
    expect(dirOf(null, 'ar')).toBe('auto');
  });
});

describe('listParts', () => {
  it('keeps each item whole, between the words of the reader’s language', () => {
    expect(listParts(['Ana (Example Corp)', 'Li Wei'], 'en')).toEqual([
      { value: 'Ana (Example Corp)', item: true },
      { value: ' and ', item: false },
      { value: 'Li Wei', item: true },
    ]);
    expect(listParts(['Ana', 'Li Wei'], 'ar').map((part) => part.value).join('')).toBe('Ana وLi Wei');
  });
});
