import { describe, expect, it } from 'vitest';
import { readOccurrenceQuery } from './occurrence-query';

describe('readOccurrenceQuery', () => {
  it('reads the window, the paging and the calendar filters', () => {
    const read = readOccurrenceQuery({ from: '2027-01-01', to: '2027-02-01T00:00:00Z', pagination: { page: '2', pageSize: '50' }, format: 'online', locale: 'fr' });
    expect(read).toMatchObject({ from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-02-01T00:00:00Z'), page: 2, pageSize: 50, filters: { format: 'online' } });
    expect(readOccurrenceQuery({ from: '2027-01-01', to: '2027-01-02' })).toMatchObject({ page: 1, pageSize: 25 });
    expect(readOccurrenceQuery({ from: '2027-01-01', to: '2027-01-02', group: 'lisbon-users' })).toMatchObject({ group: 'lisbon-users' });
  });

  it('takes an open window, a sort and words with distinct=event', () => {
    expect(readOccurrenceQuery({ from: '2027-01-01', distinct: 'event' })).toMatchObject({ from: new Date('2027-01-01T00:00:00Z'), to: null, distinct: true, descending: false });
    expect(readOccurrenceQuery({ to: '2027-01-01T12:00:00Z', distinct: 'event', sort: 'start:desc' })).toMatchObject({ from: null, descending: true });
    // Ten years at once: one row per event costs the same whatever the window.
    expect(readOccurrenceQuery({ from: '2027-01-01', to: '2037-01-01', distinct: 'event' })).toMatchObject({ distinct: true });
    expect(readOccurrenceQuery({ from: '2027-01-01', to: '2027-02-01', q: '  rust   meetup ' })).toMatchObject({ q: 'rust meetup', distinct: false });
    expect(readOccurrenceQuery({ from: '2027-01-01', to: '2027-02-01', q: ' ' })).not.toHaveProperty('q');
  });

  it.each([
    [{ to: '2027-01-02' }, '"from"'],
    [{ from: '2027-01-02', to: '2027-01-01' }, '"to" must be after "from"'],
    [{ from: '2027-01-01', to: '2028-03-01' }, 'at most 400 days'],
    [{ from: '2027-01-01', to: '2027-01-02', pagination: { pageSize: '101' } }, 'pagination[pageSize]'],
    [{ from: '2027-01-01', to: '2027-01-02', pagination: { size: '5' } }, 'Unknown pagination parameter(s): size'],
    [{ from: '2027-01-01', to: '2027-01-02', colour: 'red' }, 'colour'],
    [{ from: '2027-01-01', to: '2027-01-02', kind: 'club' }, '"kind"'],
    [{ from: '2027-01-01', to: '2027-01-02', group: 'Not A Slug' }, '"group"'],
    [{ from: '2027-01-01', to: '2027-01-02', group: ['a', 'b'] }, '"group"'],
    [{ from: '2027-01-01', distinct: 'occurrence' }, '"distinct" takes one value'],
    [{ distinct: 'event' }, 'give "from", "to" or both'],
    [{ from: '2027-01-01', to: '2027-01-02', sort: 'title' }, '"sort" must be start'],
    [{ from: '2027-01-01', to: '2027-01-02', sort: ['start', 'start:desc'] }, '"sort" must be start'],
    [{ from: '2027-01-01', to: '2027-01-02', q: 'x'.repeat(101) }, '"q" must be given once'],
    [{ from: '2027-01-01', to: '2027-01-02', q: ['a', 'b'] }, '"q" must be given once'],
  ])('%j: %s', (query, message) => {
    expect(readOccurrenceQuery(query as Record<string, unknown>)).toContain(message);
  });
});
