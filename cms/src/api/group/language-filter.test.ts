import { describe, expect, it } from 'vitest';
import { languageConditions, rewriteLanguageFilters } from './language-filter';

const has = (tag: string) => ({ languageKey: { $contains: `|${tag}|` } });

describe('languageConditions', () => {
  it('asks for the whole tag, whatever its case or quotes', () => {
    expect(languageConditions({ $contains: 'pt' })).toEqual([has('pt')]);
    expect(languageConditions({ $containsi: '"pt-BR"' })).toEqual([has('pt-br')]);
    expect(languageConditions('fr')).toEqual([has('fr')]);
    expect(languageConditions({ $in: ['fj', 'sm'] })).toEqual([{ $or: [has('fj'), has('sm')] }]);
  });

  it('takes regional variants only with $startsWith', () => {
    expect(languageConditions({ $startsWith: 'pt' })).toEqual([{ $or: [has('pt'), { languageKey: { $contains: '|pt-' } }] }]);
  });

  it('keeps groups with no languages in a negation', () => {
    expect(languageConditions({ $notContains: 'en' })).toEqual([
      { $or: [{ languageKey: { $null: true } }, { languageKey: { $notContains: '|en|' } }] },
    ]);
  });

  it('refuses what is not a tag, and operators it cannot honour', () => {
    expect(() => languageConditions({ $contains: '%' })).toThrow(/language tags/);
    expect(() => languageConditions({ $gt: 'fr' })).toThrow(/\$gt is not one of them/);
    expect(() => languageConditions(['fr'])).toThrow(/take \$contains/);
  });
});

describe('rewriteLanguageFilters', () => {
  const models: Record<string, { attributes: Record<string, { type: string; target?: string }> }> = {
    'api::group.group': { attributes: { languages: { type: 'json' }, slug: { type: 'uid' } } },
    'api::event.event': { attributes: { group: { type: 'relation', target: 'api::group.group' }, languages: { type: 'json' } } },
  };
  const modelOf = (uid: string) => models[uid];

  it('rewrites conditions on groups, inside logic and through relations', () => {
    expect(
      rewriteLanguageFilters({ slug: 'x', $or: [{ languages: { $contains: 'de' } }], languages: { $eq: 'fr' } }, 'api::group.group', modelOf),
    ).toEqual({ slug: 'x', $or: [{ $and: [has('de')] }], $and: [has('fr')] });
    expect(rewriteLanguageFilters({ group: { languages: { $contains: 'pt-BR' } } }, 'api::event.event', modelOf)).toEqual({
      group: { $and: [has('pt-br')] },
    });
  });

  it('leaves a field of the same name on another type alone', () => {
    const filters = { languages: { $contains: 'fr' } };
    expect(rewriteLanguageFilters(filters, 'api::event.event', modelOf)).toEqual(filters);
  });
});
