import { describe, expect, it } from 'vitest';
import {
  checkRecurrenceRule,
  eventRules,
  groupRules,
  isInstant,
  isLanguageTag,
  isTimeZone,
  isWebUrl,
  regionRules,
  resourceRules,
} from './rules';

describe('field checks', () => {
  it('accepts only http(s) URLs without credentials', () => {
    expect(isWebUrl('https://example.org/path?q=1')).toBe(true);
    expect(isWebUrl('http://example.org')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'ftp://example.org', 'https://user:pw@example.org', '//example.org', 'example.org', '', 42]) {
      expect(isWebUrl(bad), String(bad)).toBe(false);
    }
  });

  it('knows language tags and time zones', () => {
    expect(['en', 'pt-BR', 'zh-Hans', 'sr-Latn-RS', 'fil'].every(isLanguageTag)).toBe(true);
    expect(['english', 'e', 'en_US', 'en--US', ''].some(isLanguageTag)).toBe(false);
    expect(['Europe/Paris', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5'].every(isTimeZone)).toBe(true);
    expect(['Mars/Base', 'Europe/Paris ', 'GMT+25', '../etc/passwd'].some(isTimeZone)).toBe(false);
  });

  it('reads ISO 8601 instants only', () => {
    expect(isInstant('2027-01-12T18:30:00Z')).toBe(true);
    expect(isInstant('2027-01-12T18:30:00.000+01:00')).toBe(true);
    expect(isInstant('2027-01-12')).toBe(false);
    expect(isInstant('2027-13-45T99:00:00Z')).toBe(false);
  });
});

describe('checkRecurrenceRule', () => {
  it('accepts the rules groups use', () => {
    for (const rule of ['FREQ=WEEKLY;BYDAY=WE', 'FREQ=MONTHLY;BYDAY=2TU', 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=10', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20271231T000000Z', 'RRULE:FREQ=YEARLY']) {
      expect(checkRecurrenceRule(rule), rule).toBeUndefined();
    }
  });

  it('says what is wrong', () => {
    expect(checkRecurrenceRule('')).toMatch(/empty/);
    expect(checkRecurrenceRule('BYDAY=MO')).toMatch(/needs a FREQ/);
    expect(checkRecurrenceRule('FREQ=FORTNIGHTLY')).toMatch(/FREQ=FORTNIGHTLY is not supported/);
    expect(checkRecurrenceRule('FREQ=WEEKLY;COLOR=red')).toMatch(/unknown part/);
    expect(checkRecurrenceRule('FREQ=WEEKLY;FREQ=DAILY')).toMatch(/repeats/);
    expect(checkRecurrenceRule('FREQ=WEEKLY;COUNT=2;UNTIL=20270101T000000Z')).toMatch(/both UNTIL and COUNT/);
    expect(checkRecurrenceRule('FREQ=HOURLY')).toMatch(/FREQ=HOURLY is not supported/);
    expect(checkRecurrenceRule('FREQ=WEEKLY;BYHOUR=9')).toMatch(/BYHOUR is not supported/);
    expect(checkRecurrenceRule('FREQ=WEEKLY;BYDAY=1MO')).toMatch(/BYDAY with an ordinal/);
    expect(checkRecurrenceRule('FREQ=MONTHLY;BYSETPOS=-1')).toMatch(/BYSETPOS needs/);
    expect(checkRecurrenceRule('FREQ=MONTHLY;BYMONTHDAY=32')).toMatch(/BYMONTHDAY=32/);
    expect(checkRecurrenceRule('FREQ=WEEKLY;BYDAY')).toMatch(/malformed/);
    expect(checkRecurrenceRule('FREQ=WEEKLY;INTERVAL=0')).toMatch(/INTERVAL/);
  });
});

describe('document rules', () => {
  it('checks a group as a whole', () => {
    const errors = groupRules({
      slug: 'Bad Slug',
      country: 'fr',
      languages: ['en', 'not a tag'],
      timezone: 'Nowhere/City',
      website: 'mailto:x@example.org',
      latitude: 95,
      longitude: 2,
      feeds: [{ kind: 'blog', url: 'file:///etc/passwd' }],
      workingGroup: { repositoryUrl: 'git@example.org:repo.git', channels: [{ url: 'https://chat.example.org' }] },
    });
    expect(errors.map((e) => e.path.join('.'))).toEqual([
      'slug',
      'country',
      'languages.1',
      'timezone',
      'website',
      'latitude',
      'feeds.0.url',
      'workingGroup.repositoryUrl',
    ]);
    expect(groupRules({ slug: 'paris-user-group', country: 'FR', languages: ['fr'], timezone: 'Europe/Paris' })).toEqual([]);
  });

  it('wants an event to end after it starts', () => {
    const base = { startsAt: '2027-01-01T10:00:00Z', timezone: 'UTC' };
    expect(eventRules({ ...base, endsAt: '2027-01-01T09:00:00Z' }).map((e) => e.message)).toEqual(['endsAt must be after startsAt']);
    expect(eventRules({ ...base, endsAt: '2027-01-01T10:00:00Z' })).toHaveLength(1);
    expect(eventRules({ ...base, endsAt: '2027-01-01T11:00:00Z' })).toEqual([]);
  });

  it('wants a series to start on one of its own occurrences, and says which dates would be', () => {
    const paris = { startsAt: '2026-08-13T17:00:00Z', endsAt: '2026-08-13T19:00:00Z', timezone: 'Europe/Paris', recurrence: 'FREQ=MONTHLY;BYDAY=2TU' };
    // 13 August 2026 is a Thursday; the second Tuesdays that follow are 8 September, 13 October and 10 November.
    const [problem] = eventRules(paris);
    expect(problem?.path).toEqual(['recurrence']);
    expect(problem?.message).toContain('TH 2026-08-13 19:00');
    expect(problem?.message).toContain('TU 2026-09-08 19:00, TU 2026-10-13 19:00, TU 2026-11-10 19:00');
    expect(eventRules({ ...paris, startsAt: '2026-08-11T17:00:00Z', endsAt: '2026-08-11T19:00:00Z' })).toEqual([]);
  });

  it('lets only mailing lists use mailto links', () => {
    expect(resourceRules({ type: 'mailing-list', url: 'mailto:users@lists.example.org' })).toEqual([]);
    expect(resourceRules({ type: 'chat', url: 'mailto:users@lists.example.org' })).toHaveLength(1);
  });

  it('checks region countries', () => {
    expect(regionRules({ slug: 'europe', countries: ['FR', 'EU'] }).map((e) => e.path.join('.'))).toEqual(['countries.1']);
  });
});
