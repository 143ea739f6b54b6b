import { describe, expect, it } from 'vitest';
import { readOccurrenceQuery } from './occurrence-query';

describe('readOccurrenceQuery', () => {
  it('reads the window, the paging and the calendar filters', () => {
    const read = readOccurrenceQuery({ from: '2027-01-01', to: '2027-02-01T00:00:00Z', pagination: { page: '2', pageSize: '50' }, format: 'online', locale: 'fr' });
    expect(read).toMatchObject({ from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-02-01T00:00:00Z'), page: 2, pageSize: 50, filters: { format: 'online' } });
    expect(readOccurrenceQuery({ from: '2027-01-01', to: '2027-01-02' })).toMatchObject({ page: 1, pageSize: 25 });
    expect(readOccurrenceQuery({ from: '2027-01-01', to: '2027-01-02', group: 'lisbon-users' })).toMatchObject({ group: 'lisbon-users' });
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
  ])('%j: %s', (query, message) => {
    expect(readOccurrenceQuery(query as Record<string, unknown>)).toContain(message);
  });
});
