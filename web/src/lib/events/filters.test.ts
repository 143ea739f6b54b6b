import { describe, expect, it } from 'vitest';
import { eventFiltersQuery, parseEventFilters } from './filters';

const parse = (query: string) => parseEventFilters(new URLSearchParams(query));

describe('parseEventFilters', () => {
  it('keeps valid filters', () => {
    expect(parse('region=europe&language=pt-br&kind=working-group&format=online&q=%20rust%20%20lyon&page=2')).toEqual({
      region: 'europe',
      language: 'pt-BR',
      kind: 'working-group',
      format: 'online',
      q: 'rust lyon',
      page: 2,
      view: 'list',
    });
    expect(parse('view=month&month=2027-01&group=paris-user-group')).toEqual({ view: 'month', month: '2027-01', group: 'paris-user-group', page: 1 });
  });

  it('ignores invalid values instead of failing', () => {
    expect(parse('region=../../etc&language=12&kind=club&format=virtual&page=-3&q=')).toEqual({ page: 1, view: 'list' });
    expect(parse('view=month&month=2027-13&group=Not%20a%20slug')).toEqual({ page: 1, view: 'month' });
    expect(parse('view=calendar&month=2027-01')).toEqual({ page: 1, view: 'list' });
    // Shaped like a tag, but no tag: region subtags are two letters or three digits.
    expect(parse('language=en-12').language).toBeUndefined();
    expect(parse('region=a&region=b').region).toBe('a');
    expect(parse(`q=${'x'.repeat(500)}`).q).toHaveLength(100);
  });

  it('writes the filters back as a query string', () => {
    expect(eventFiltersQuery({ region: 'europe', format: 'online', page: 1 })).toBe('?region=europe&format=online');
    expect(eventFiltersQuery({ q: 'a b' }, 3)).toBe('?q=a+b&page=3');
    expect(eventFiltersQuery({})).toBe('');
    expect(eventFiltersQuery({ view: 'month', month: '2027-02', group: 'lisbon-user-group', page: 4 })).toBe('?view=month&month=2027-02&group=lisbon-user-group');
  });
});
