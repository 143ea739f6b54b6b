import { describe, expect, it } from 'vitest';
import { checkFilters, checkPopulate, checkQueryShape, checkSort } from './query-shape';

describe('filters', () => {
  it('accepts the shapes Strapi documents', () => {
    for (const filters of [
      { name: 'Paris' },
      { name: { $eq: 'Paris' } },
      { name: { $not: { $containsi: 'x' } } },
      { $or: [{ name: { $eq: 'a' } }, { slug: { $startsWith: 'b' } }] },
      { $and: [{ $not: { kind: 'working-group' } }] },
      { group: { slug: { $in: ['a', 'b'] } } },
      { startsAt: { $between: ['2027-01-01', '2027-02-01'] } },
      { region: { $null: 'true' } },
    ]) {
      expect(checkFilters(filters), JSON.stringify(filters)).toBeNull();
    }
  });

  it('names the operator whose value has the wrong shape', () => {
    expect(checkFilters({ $or: '1' })).toMatch(/^filters\[\$or\] must be a list/);
    expect(checkFilters({ $and: { 0: { name: 'a' } } })).toMatch(/^filters\[\$and\] must be a list/);
    expect(checkFilters({ $not: '1' })).toMatch(/^filters\[\$not\] must be an object/);
    expect(checkFilters({ id: { $between: '1' } })).toMatch(/^filters\[id\]\[\$between\] must be a list of two/);
    expect(checkFilters({ id: { $between: ['1', '2', '3'] } })).toMatch(/list of two/);
    expect(checkFilters({ id: { $eq: { $eq: '1' } } })).toBe('filters[id][$eq] must be a single value');
    expect(checkFilters({ id: { $in: '1' } })).toMatch(/^filters\[id\]\[\$in\] must be a list/);
    expect(checkFilters({ id: { $null: 'maybe' } })).toBe('filters[id][$null] must be true or false');
    expect(checkFilters({ languages: { $jsonSupersetOf: 'x' } })).toMatch(/\$jsonSupersetOf is not a filter operator/);
    expect(checkFilters({ name: { $regex: 'x' } })).toMatch(/\$regex is not a filter operator/);
    expect(checkFilters('name')).toMatch(/^filters must be an object/);
    expect(checkFilters({ name: ['a', 'b'] })).toMatch(/^filters\[name\] must be an object/);
    expect(checkFilters({ 'na me': 'x' })).toMatch(/is not a field name/);
    expect(checkFilters({ name: 'a\u0000b' })).toBe('filters[name] contains a NUL character');
  });

  it('bounds depth, breadth and list sizes', () => {
    let deep: Record<string, unknown> = { name: 'x' };
    for (let i = 0; i < 7; i += 1) deep = { $not: deep };
    expect(checkFilters(deep)).toBe('filters are nested more than 6 levels deep');
    const wide = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, 'x']));
    expect(checkFilters(wide)).toBe('filters hold more than 50 conditions');
    expect(checkFilters({ id: { $in: Array.from({ length: 101 }, String) } })).toBe('filters[id][$in] holds more than 100 values');
    expect(checkFilters({ name: 'x'.repeat(1001) })).toBe('filters[name] is longer than 1000 characters');
  });
});

describe('populate', () => {
  it('accepts what the website and the README ask for', () => {
    for (const populate of [
      '*',
      'coordinators',
      'region,resources',
      ['region', 'resources'],
      { region: { fields: ['slug', 'name'] }, resources: { fields: ['type', 'url'] }, workingGroup: { populate: ['chairs', 'channels'] }, coordinators: 'true' },
      { events: { populate: '*' } },
      { group: { fields: ['name'], filters: { slug: { $eq: 'x' } }, sort: 'name:asc' } },
    ]) {
      expect(checkPopulate(populate), JSON.stringify(populate)).toBeNull();
    }
  });

  it('refuses deep chains and long lists of relations', () => {
    const chain = { group: { populate: { events: { populate: { group: { populate: '*' } } } } } };
    expect(checkPopulate(chain)).toMatch(/^populate is nested more than 2 levels deep/);
    const many = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`r${i}`, 'true']));
    expect(checkPopulate(many)).toBe('populate names more than 12 relations and components in all');
    expect(checkPopulate({ group: { limit: '5' } })).toMatch(/populate takes fields, populate, filters, sort, on and count/);
    expect(checkPopulate({ group: 'yes' })).toMatch(/must be true, or an object/);
    expect(checkPopulate({ group: { filters: { $or: 'x' } } })).toMatch(/^populate\[group\]\[filters\]\[\$or\] must be a list/);
  });
});

describe('sort and the whole query', () => {
  it('reads sorts as strings, lists and objects', () => {
    expect(checkSort('name:asc,slug:DESC')).toBeNull();
    expect(checkSort(['name', 'createdAt:desc'])).toBeNull();
    expect(checkSort({ name: 'asc', group: { name: 'desc' } })).toBeNull();
    expect(checkSort('name:up')).toMatch(/is not a sort/);
    expect(checkSort({ name: 'up' })).toBe('sort[name] must be asc or desc');
    expect(checkSort([{ a: 1 }])).toMatch(/must be a sort/);
  });

  it('says which parameter is wrong', () => {
    expect(checkQueryShape({ locale: 'fr', pagination: { page: '2' } })).toBeNull();
    expect(checkQueryShape({ fields: ['name', 'slug'] })).toBeNull();
    expect(checkQueryShape({ fields: [{ a: 'b' }] })).toEqual({ param: 'fields', message: 'fields[0] must be a field name' });
    expect(checkQueryShape({ sort: 'x:y' })?.param).toBe('sort');
    expect(checkQueryShape({ filters: { $or: '1' } })?.param).toBe('filters');
  });
});
