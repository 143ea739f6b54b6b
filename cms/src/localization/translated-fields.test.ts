import { describe, expect, it } from 'vitest';
import { servedMatches, sortComparator, sortKeys, type SortKey } from './translated-fields';

describe('sortKeys', () => {
  it('reads every spelling of Strapi’s sort parameter', () => {
    expect(sortKeys('title')).toEqual([{ path: ['title'], order: 'asc' }]);
    expect(sortKeys('title:DESC,startsAt')).toEqual([{ path: ['title'], order: 'desc' }, { path: ['startsAt'], order: 'asc' }]);
    expect(sortKeys(['group.name:asc', 'title:desc'])).toEqual([{ path: ['group', 'name'], order: 'asc' }, { path: ['title'], order: 'desc' }]);
    expect(sortKeys({ title: 'desc', group: { name: 'asc' } })).toEqual([{ path: ['title'], order: 'desc' }, { path: ['group', 'name'], order: 'asc' }]);
    expect(sortKeys([{ name: 'asc' }])).toEqual([{ path: ['name'], order: 'asc' }]);
    expect(sortKeys(undefined)).toEqual([]);
  });
});

describe('servedMatches', () => {
  // Documents: a has fr and en, b only en, c fr and en, d pt and en.
  it('matches a document by the version it is served in, never by a version it is not', () => {
    const chain = ['fr', 'en'];
    const matches = new Map([
      ['fr', ['a']], // a's French text matches; c's does not
      ['en', ['b', 'c']], // b (English only) and c's English text match
    ]);
    const present = new Map([['fr', ['c']]]); // of the English matches, c has a French version
    expect([...servedMatches(chain, matches, present)].sort()).toEqual(['a', 'b']);
  });

  it('walks a longer chain in order', () => {
    const chain = ['pt-BR', 'pt', 'en'];
    const matches = new Map([
      ['pt-BR', []],
      ['pt', ['d']],
      ['en', ['d', 'e', 'f']],
    ]);
    const present = new Map([
      ['pt-BR', ['e']], // e has a Brazilian version that does not match
      ['pt', ['d']],
    ]);
    expect([...servedMatches(chain, matches, present)].sort()).toEqual(['d', 'f']);
  });
});

describe('sortComparator', () => {
  const by = (order: 'asc' | 'desc'): SortKey[] => [{ path: ['name'], order }];
  const names = (docs: { name: string | null }[]) => docs.map((doc) => doc.name);
  const docs = () => [{ name: 'Zürich' }, { name: null }, { name: 'Ébène' }, { name: 'eau' }, { name: 'Gruppe 10' }, { name: 'Gruppe 9' }];

  it('orders texts by the requested language’s collation, numbers inside texts by value, missing last', () => {
    const compare = sortComparator(by('asc'), (doc, key) => (doc as Record<string, unknown>)[key.path[0]!], 'fr');
    expect(names(docs().sort(compare))).toEqual(['eau', 'Ébène', 'Gruppe 9', 'Gruppe 10', 'Zürich', null]);
  });

  it('reverses for desc, missing first', () => {
    const compare = sortComparator(by('desc'), (doc, key) => (doc as Record<string, unknown>)[key.path[0]!], 'fr');
    expect(names(docs().sort(compare))).toEqual([null, 'Zürich', 'Gruppe 10', 'Gruppe 9', 'Ébène', 'eau']);
  });

  it('compares numbers and dates by value and falls through to the next key on a tie', () => {
    const keys: SortKey[] = [{ path: ['n'], order: 'asc' }, { path: ['at'], order: 'desc' }];
    const rows = [
      { n: 10, at: new Date('2026-01-02') },
      { n: 9, at: new Date('2026-01-01') },
      { n: 10, at: new Date('2026-01-03') },
    ];
    const compare = sortComparator(keys, (doc, key) => (doc as Record<string, unknown>)[key.path[0]!], 'en');
    expect([...rows].sort(compare)).toEqual([rows[1], rows[2], rows[0]]);
  });
});
