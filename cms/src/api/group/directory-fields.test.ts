import { describe, expect, it } from 'vitest';
import { derivedFields, languageKeyOf, stateOrderOf } from './directory-fields';

describe('the directory fields of a group', () => {
  it('orders living groups first', () => {
    expect(['archived', 'active', 'dormant', 'forming'].sort((a, b) => stateOrderOf(a)! - stateOrderOf(b)!)).toEqual([
      'active',
      'forming',
      'dormant',
      'archived',
    ]);
    expect(stateOrderOf('published')).toBeNull();
  });

  it('keeps the spoken languages as delimited lower-case tags, once each', () => {
    expect(languageKeyOf(['pt-BR', 'en', 'EN', ' fr '])).toBe('|pt-br|en|fr|');
    expect(languageKeyOf([])).toBe('|');
    expect(languageKeyOf(null)).toBe('|');
  });

  it('derives only what a write sets', () => {
    expect(derivedFields({ name: 'x' })).toEqual({});
    expect(derivedFields({ state: 'dormant', languages: ['de'] })).toEqual({ stateOrder: 3, languageKey: '|de|' });
  });
});
