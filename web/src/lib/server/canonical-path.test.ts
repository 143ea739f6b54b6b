import { describe, expect, it } from 'vitest';
import { lowerCaseSlugAddress } from './canonical-path';

const GROUP = '/[locale=locale]/groups/[slug=slug]';
const CALENDAR = '/[locale=locale]/events/[slug=slug]/event.ics';
const at = (path: string) => new URL(path, 'http://site.example');

describe('the lower-case address of a slug', () => {
  it('lower-cases the slug segment only, keeping the locale and the query', () => {
    expect(lowerCaseSlugAddress(GROUP, at('/pt-BR/groups/Paris-User-Group?x=1'), 'Paris-User-Group')).toBe('/pt-BR/groups/paris-user-group?x=1');
    expect(lowerCaseSlugAddress(CALENDAR, at('/zh-Hans/events/Summit-2026/event.ics'), 'Summit-2026')).toBe('/zh-Hans/events/summit-2026/event.ics');
  });

  it('replaces a percent-encoded spelling with the plain slug', () => {
    expect(lowerCaseSlugAddress(GROUP, at('/en/groups/%50aris'), 'Paris')).toBe('/en/groups/paris');
  });

  it('is null when the slug is lower-case already, is no slug, or the route has none', () => {
    expect(lowerCaseSlugAddress(GROUP, at('/en/groups/paris-user-group'), 'paris-user-group')).toBeNull();
    expect(lowerCaseSlugAddress(GROUP, at('/en/groups/A_B'), 'A_B')).toBeNull();
    expect(lowerCaseSlugAddress('/[locale=locale]/map', at('/en/map'), undefined)).toBeNull();
    expect(lowerCaseSlugAddress(null, at('/en/groups/Paris'), 'Paris')).toBeNull();
  });
});
