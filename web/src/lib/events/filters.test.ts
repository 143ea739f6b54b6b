import { describe, expect, it } from 'vitest';
import { eventFiltersQuery, parseEventFilters } from './filters';
import { languagesOf, matchesLanguage, placeUpcoming } from './upcoming';

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
    });
  });

  it('ignores invalid values instead of failing', () => {
    expect(parse('region=../../etc&language=12&kind=club&format=virtual&page=-3&q=')).toEqual({ page: 1 });
    expect(parse('region=a&region=b').region).toBe('a');
    expect(parse(`q=${'x'.repeat(500)}`).q).toHaveLength(100);
  });

  it('writes the filters back as a query string', () => {
    expect(eventFiltersQuery({ region: 'europe', format: 'online', page: 1 })).toBe('?region=europe&format=online');
    expect(eventFiltersQuery({ q: 'a b' }, 3)).toBe('?q=a+b&page=3');
    expect(eventFiltersQuery({})).toBe('');
  });
});

describe('the upcoming list', () => {
  const now = new Date('2026-02-01T00:00:00Z');
  const events = [
    { title: 'Later', startsAt: '2026-03-01T10:00:00Z', endsAt: '2026-03-01T11:00:00Z', timezone: 'UTC', language: 'pt-BR' },
    { title: 'Past', startsAt: '2026-01-01T10:00:00Z', endsAt: '2026-01-01T11:00:00Z', timezone: 'UTC', language: 'en' },
    { title: 'Weekly', startsAt: '2025-10-02T10:00:00Z', endsAt: '2025-10-02T11:00:00Z', timezone: 'UTC', recurrence: 'FREQ=WEEKLY', language: 'EN' },
  ];

  it('places series at their next date, drops what is over, soonest first', () => {
    expect(placeUpcoming(events, now).map((p) => [p.event.title, p.start.toISOString()])).toEqual([
      ['Weekly', '2026-02-05T10:00:00.000Z'],
      ['Later', '2026-03-01T10:00:00.000Z'],
    ]);
  });

  it('matches languages by tag and offers each once', () => {
    expect(matchesLanguage('pt-BR', 'pt')).toBe(true);
    expect(matchesLanguage('pt-BR', 'pt-BR')).toBe(true);
    expect(matchesLanguage('pt', 'pt-BR')).toBe(false);
    expect(matchesLanguage(null, 'en')).toBe(false);
    expect(languagesOf(events)).toEqual(['en', 'pt-BR']);
  });
});
