import { describe, expect, it } from 'vitest';
import { takeCoordinators } from './coordinators';

describe('takeCoordinators', () => {
  it('finds coordinators in every form of populate and leaves the rest for Strapi', () => {
    expect(takeCoordinators('coordinators')).toEqual({ wanted: true, rest: undefined });
    expect(takeCoordinators('region, coordinators')).toEqual({ wanted: true, rest: 'region' });
    expect(takeCoordinators(['coordinators', 'resources'])).toEqual({ wanted: true, rest: ['resources'] });
    expect(takeCoordinators({ coordinators: 'true', region: { fields: ['slug'] } })).toEqual({
      wanted: true,
      rest: { region: { fields: ['slug'] } },
    });
    expect(takeCoordinators({ coordinators: '*' })).toEqual({ wanted: true, rest: undefined });
  });

  it('counts them in "everything" and keeps the star for the real relations', () => {
    expect(takeCoordinators('*')).toEqual({ wanted: true, rest: '*' });
    expect(takeCoordinators(['*'])).toEqual({ wanted: true, rest: ['*'] });
  });

  it('leaves queries without them untouched', () => {
    const populate = { region: { fields: ['slug'] } };
    expect(takeCoordinators(populate)).toEqual({ wanted: false, rest: populate });
    expect(takeCoordinators('region')).toEqual({ wanted: false, rest: 'region' });
    expect(takeCoordinators(undefined)).toEqual({ wanted: false, rest: undefined });
  });

  it('refuses options that would reach into accounts', () => {
    expect(takeCoordinators({ coordinators: { fields: ['email'] } })).toMatch(/takes no options/);
    expect(takeCoordinators({ coordinators: { populate: '*' } })).toMatch(/takes no options/);
    expect(takeCoordinators({ coordinators: 'false' })).toMatch(/takes no options/);
  });
});
