import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventRules } from '../../../../../cms/src/validation/rules';
import { FEED_FIXTURES } from '../../../../../tests/fixtures/feed-server';
import { FeedError } from './feed-error';
import { parseCalendar, readCalendar, storableRule, type CalendarItem } from './parse-calendar';

const EXPECTED = path.join(FEED_FIXTURES, 'expected');
const NOW = new Date('2026-11-15T12:00:00Z');
const read = (name: string) => fs.readFileSync(path.join(FEED_FIXTURES, name));
const parse = (name: string, now = NOW) => parseCalendar(read(name), { url: `https://calendars.example.net/${name}`, now });
const ics = (...lines: string[]) => Buffer.from(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n'));
const byUid = (items: CalendarItem[], uid: string) => items.find((item) => item.uid === uid);

/** Compares with the committed expected JSON; UPDATE_GOLDEN=1 rewrites it (review the diff). */
function golden(name: string, actual: unknown) {
  const file = path.join(EXPECTED, `${name}.json`);
  const json = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, json);
  expect(JSON.parse(json)).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
}

function failure(run: () => unknown): FeedError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected the calendar to be refused');
}

describe('parseCalendar: fixtures match their expected events', () => {
  it.each(['calendar.ics', 'google-calendar.ics', 'windows-zones.ics'])('%s', (name) => {
    golden(name.replace(/\.ics$/, ''), parse(name));
  });

  it.each(['calendar.ics', 'google-calendar.ics', 'windows-zones.ics'])('every event from %s is one the event model accepts', (name) => {
    for (const item of parse(name)) {
      const errors = eventRules({
        slug: 'imported-event',
        startsAt: item.startsAt,
        endsAt: item.endsAt,
        timezone: item.timezone,
        recurrence: item.recurrence,
        exceptionDates: item.exceptionDates.length ? item.exceptionDates : null,
        changes: item.changes,
        onlineUrl: item.url,
        venue: item.latitude === null ? null : { latitude: item.latitude, longitude: item.longitude },
      });
      expect(errors, item.uid).toEqual([]);
    }
  });
});

describe('parseCalendar: what a visitor sees', () => {
  const items = parse('calendar.ics');

  it('honours TZID with the file’s VTIMEZONE across daylight saving, and keeps a storable RRULE with its EXDATEs', () => {
    const weekly = byUid(items, 'weekly-meetup@berlin-users.example.org')!;
    expect(weekly).toMatchObject({
      startsAt: '2026-09-08T16:30:00.000Z',
      endsAt: '2026-09-08T18:30:00.000Z',
      timezone: 'Europe/Berlin',
      recurrence: 'FREQ=WEEKLY;UNTIL=20270330T000000Z;BYDAY=TU',
      title: 'Weekly hack evening',
      description: 'Bring a laptop, an idea; or both.\nDoors open at 18:00.',
      location: 'c-base, Rungestraße 20, Berlin',
      latitude: 52.5127,
      longitude: 13.42,
      url: 'https://berlin-users.example.org/hack-evenings',
      cancelled: false,
    });
    // 18:30 in Berlin is 17:30 UTC in winter: the excluded dates, and the one an event of its own replaces, say so.
    expect(weekly.exceptionDates).toEqual(['2026-11-17T17:30:00.000Z', '2026-12-22T17:30:00.000Z', '2026-12-29T17:30:00.000Z']);
  });

  it('makes a moved occurrence with another title and place (RECURRENCE-ID) its own event, and a cancelled one a cancelled occurrence of the series', () => {
    expect(byUid(items, 'weekly-meetup@berlin-users.example.org#20261117T173000Z')).toMatchObject({
      title: 'Weekly hack evening (moved to Wednesday)',
      startsAt: '2026-11-18T18:00:00.000Z',
      recurrence: null,
      location: 'Betahaus, Berlin',
      cancelled: false,
    });
    expect(byUid(items, 'weekly-meetup@berlin-users.example.org#20261124T173000Z')).toBeUndefined();
    expect(byUid(items, 'weekly-meetup@berlin-users.example.org')!.changes).toEqual([
      { originalStart: '2026-11-24T17:30:00.000Z', startsAt: '2026-11-24T17:30:00.000Z', endsAt: '2026-11-24T19:30:00.000Z', cancelled: true },
    ]);
  });

  it('keeps an occurrence moved in time only as a change of its series, and drops one naming no occurrence', () => {
    const [series, ...rest] = parseCalendar(
      ics(
        'BEGIN:VEVENT', 'UID:standup@example.org', 'DTSTART;TZID=Europe/Paris:20261201T093000', 'DTEND;TZID=Europe/Paris:20261201T094500',
        'RRULE:FREQ=WEEKLY;BYDAY=TU', 'SUMMARY:Stand-up', 'LOCATION:Room 2', 'END:VEVENT',
        // The same stand-up a day later and longer, the next week; a copy of summary and place changes nothing.
        'BEGIN:VEVENT', 'UID:standup@example.org', 'RECURRENCE-ID;TZID=Europe/Paris:20261208T093000',
        'DTSTART;TZID=Europe/Paris:20261209T100000', 'DTEND;TZID=Europe/Paris:20261209T103000', 'SUMMARY:Stand-up', 'LOCATION:Room 2', 'END:VEVENT',
        // A Wednesday: the rule gives no occurrence then.
        'BEGIN:VEVENT', 'UID:standup@example.org', 'RECURRENCE-ID;TZID=Europe/Paris:20261216T093000',
        'DTSTART;TZID=Europe/Paris:20261217T093000', 'DTEND;TZID=Europe/Paris:20261217T094500', 'END:VEVENT',
      ),
      { url: 'https://calendars.example.net/standup.ics', now: NOW },
    );
    expect(rest).toEqual([]);
    expect(series).toMatchObject({ uid: 'standup@example.org', recurrence: 'FREQ=WEEKLY;BYDAY=TU', exceptionDates: [] });
    // Paris is UTC+1 in December.
    expect(series!.changes).toEqual([
      { originalStart: '2026-12-08T08:30:00.000Z', startsAt: '2026-12-09T09:00:00.000Z', endsAt: '2026-12-09T09:30:00.000Z', cancelled: false },
    ]);
  });

  it('keeps an all-day event as UTC calendar days', () => {
    expect(byUid(items, 'summit-2026@example.org')).toMatchObject({
      allDay: true,
      startsAt: '2026-12-05T00:00:00.000Z',
      endsAt: '2026-12-07T00:00:00.000Z',
      location: 'Palais des congrès, Lyon',
    });
  });

  it('marks STATUS:CANCELLED and reads UTC times', () => {
    expect(byUid(items, 'cancelled-social@example.org')).toMatchObject({ cancelled: true, startsAt: '2026-11-26T18:00:00.000Z', endsAt: '2026-11-26T20:00:00.000Z' });
  });

  it('reads floating times in the calendar’s own zone and gives an event without an end one hour', () => {
    expect(byUid(items, 'floating-workshop@example.org')).toMatchObject({ startsAt: '2026-12-03T17:00:00.000Z', endsAt: '2026-12-03T18:00:00.000Z', timezone: 'Europe/Berlin' });
  });

  it('lists the occurrences of a rule the portal cannot store (BYSETPOS) within the window, with DURATION and overrides', () => {
    const review = items.filter((item) => item.uid.startsWith('last-weekday-review@example.org#'));
    expect(review.map((item) => item.startsAt)).toEqual([
      // 16:00 in Berlin: summer time until 25 October.
      '2026-09-30T14:00:00.000Z',
      '2026-10-30T15:00:00.000Z',
      '2026-11-30T15:00:00.000Z',
      '2026-12-30T10:00:00.000Z',
      '2027-01-29T15:00:00.000Z',
      '2027-02-26T15:00:00.000Z',
      '2027-03-31T14:00:00.000Z',
      '2027-04-30T14:00:00.000Z',
      '2027-05-31T14:00:00.000Z',
      '2027-06-30T14:00:00.000Z',
    ]);
    expect(review.every((item) => item.recurrence === null)).toBe(true);
    expect(review[1]!.endsAt).toBe('2026-10-30T16:30:00.000Z');
    expect(review[3]!.title).toBe('Month-end review (early, holidays)');
  });

  it('lists RDATE series as occurrences too', () => {
    expect(items.filter((item) => item.uid.startsWith('extra-dates@example.org#')).map((item) => item.startsAt)).toEqual([
      '2026-11-10T11:00:00.000Z',
      '2026-11-17T11:00:00.000Z',
      '2026-11-24T11:00:00.000Z',
      '2026-12-05T11:00:00.000Z',
    ]);
  });

  it('keeps events over for less than 183 days, and leaves out private ones', () => {
    // 1 August is 106 days before the import.
    expect(byUid(items, 'summer-party@example.org')!.startsAt).toBe('2026-08-01T14:00:00.000Z');
    expect(byUid(items, 'board-meeting@example.org')).toBeUndefined();
    expect(items.some((item) => item.uid.startsWith('board-meeting'))).toBe(false);
  });

  it('keeps only http(s) URLs and gives HTML descriptions as text', () => {
    expect(byUid(items, 'monthly-talks@nyc-users.example.org')!.url).toBeNull();
    const noUid = items.find((item) => item.title === 'Event without a UID')!;
    expect(noUid.uid).toMatch(/^sha256:/);
    expect(noUid.description).toBe('Join us online.\nLink');
  });

  it('gives the same UIDs and hashes on every read, and a new hash when an event changes', () => {
    const again = parse('calendar.ics');
    expect(again).toEqual(items);
    const changed = parseCalendar(Buffer.from(read('calendar.ics').toString().replace('SUMMARY:Community summit', 'SUMMARY:Community summit 2026')), {
      url: 'https://calendars.example.net/calendar.ics',
      now: NOW,
    });
    const before = byUid(items, 'summit-2026@example.org')!;
    const after = byUid(changed, 'summit-2026@example.org')!;
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(byUid(changed, 'cancelled-social@example.org')!.contentHash).toBe(byUid(items, 'cancelled-social@example.org')!.contentHash);
  });
});

describe('parseCalendar: time-zone names from other calendar programs', () => {
  it('reads Google’s IANA zones, UTC times, overrides and EXDATE', () => {
    const items = parse('google-calendar.ics');
    expect(byUid(items, '2kq8h1v3c9r0s6t5u4v7w8x9y0@google.com')).toMatchObject({
      startsAt: '2026-09-17T22:00:00.000Z',
      timezone: 'America/Sao_Paulo',
      recurrence: 'FREQ=MONTHLY;BYDAY=3TH',
      exceptionDates: ['2026-11-19T22:00:00.000Z', '2026-12-17T22:00:00.000Z'],
      location: 'Rua Augusta, 1000 - Consolação, São Paulo - SP, 01305-100, Brasil',
    });
    // Google adds WKST=SU; with a weekly rule every week it changes nothing and is dropped.
    expect(byUid(items, '9z8y7x6w5v4u3t2s1r0q9p8o7n@google.com')!.recurrence).toBe('FREQ=WEEKLY;UNTIL=20270301T025959Z;BYDAY=WE');
    expect(byUid(items, '3c4d5e6f7g8h9i0j1k2l3m4n5o@google.com')).toMatchObject({ timezone: 'America/Los_Angeles', startsAt: '2026-12-01T17:00:00.000Z' });
    expect(byUid(items, '5h6j7k8l9m0n1p2q3r4s5t6u7v@google.com')).toMatchObject({ description: null, location: null });
  });

  it('maps Windows zone names and Outlook display names to IANA zones', () => {
    const items = parse('windows-zones.ics');
    expect(byUid(items, '040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5')).toMatchObject({
      timezone: 'Europe/Berlin',
      startsAt: '2026-12-03T18:00:00.000Z',
      recurrence: 'FREQ=MONTHLY;BYDAY=1TH',
    });
    expect(byUid(items, '040000008200E00074C5B7101A82E00800000000B1C2D3E4F5A6')).toMatchObject({ timezone: 'Europe/Amsterdam', startsAt: '2027-01-14T17:30:00.000Z' });
    expect(byUid(items, '040000008200E00074C5B7101A82E00800000000C2D3E4F5A6B7')).toMatchObject({ timezone: 'America/Los_Angeles', startsAt: '2026-12-08T17:00:00.000Z' });
  });

  it('uses a VTIMEZONE with no IANA name for the instants and lists its series as occurrences', () => {
    const standups = parse('windows-zones.ics').filter((item) => item.title === 'Standup in office time');
    expect(standups.map((item) => item.startsAt)).toEqual(['2026-12-01T04:00:00.000Z', '2026-12-08T04:00:00.000Z', '2026-12-15T04:00:00.000Z']);
    expect(standups.every((item) => item.recurrence === null && item.timezone === 'UTC')).toBe(true);
  });
});

describe('parseCalendar: limits', () => {
  it('lists a series whose start is not one of its rule’s occurrences by occurrence, as the CMS stores no such series', () => {
    // 19 November 2026 is a Thursday; the rule says Tuesdays.
    const items = parseCalendar(
      ics('BEGIN:VEVENT', 'UID:off-rule', 'DTSTART:20261119T180000Z', 'DTEND:20261119T190000Z', 'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4', 'SUMMARY:Off rule', 'END:VEVENT'),
      { url: 'https://x.example/', now: NOW },
    );
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) {
      expect(item.recurrence).toBeNull();
      expect(eventRules({ slug: 'off-rule', startsAt: item.startsAt, endsAt: item.endsAt, timezone: item.timezone, recurrence: item.recurrence })).toEqual([]);
    }
  });

  it('lists at most 200 occurrences of an unstorable rule, within a year', () => {
    const items = parseCalendar(ics('BEGIN:VEVENT', 'UID:hourly', 'DTSTART:20261110T000000Z', 'DTEND:20261110T003000Z', 'RRULE:FREQ=HOURLY', 'SUMMARY:Hourly', 'END:VEVENT'), { url: 'https://x.example/', now: NOW });
    expect(items).toHaveLength(200);
    expect(items[0]!.startsAt).toBe('2026-11-10T00:00:00.000Z');
  });

  it('keeps a storable series that started long ago while it is still running', () => {
    const items = parseCalendar(
      ics('BEGIN:VEVENT', 'UID:old-daily', 'DTSTART:19900101T090000Z', 'DTEND:19900101T100000Z', 'RRULE:FREQ=DAILY', 'SUMMARY:Daily', 'END:VEVENT',
        'BEGIN:VEVENT', 'UID:ended', 'DTSTART:20200101T090000Z', 'DTEND:20200101T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=10', 'SUMMARY:Over', 'END:VEVENT'),
      { url: 'https://x.example/', now: NOW },
    );
    expect(items.map((item) => [item.uid, item.recurrence])).toEqual([['old-daily', 'FREQ=DAILY']]);
  });

  it('gives the same results whatever now is, relative to it', () => {
    // The summit ended on 7 December 2026, 220 days before.
    const later = parse('calendar.ics', new Date('2027-07-15T12:00:00Z'));
    expect(later.some((item) => item.uid === 'summit-2026@example.org')).toBe(false);
    expect(later.some((item) => item.uid === 'weekly-meetup@berlin-users.example.org')).toBe(true);
  });
});

describe('storableRule', () => {
  const utc = (value: string) => value;
  it.each([
    ['FREQ=WEEKLY;BYDAY=TU', 'FREQ=WEEKLY;BYDAY=TU'],
    ['RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR', 'FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR'],
    ['FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=21', 'FREQ=YEARLY;BYMONTHDAY=21;BYMONTH=6'],
    ['FREQ=DAILY;COUNT=5;INTERVAL=1', 'FREQ=DAILY;COUNT=5'],
    ['FREQ=WEEKLY;WKST=SU;BYDAY=MO,WE', 'FREQ=WEEKLY;BYDAY=MO,WE'],
  ])('stores %s as %s', (rule, stored) => {
    expect(storableRule(rule, utc)).toBe(stored);
  });

  it.each([
    'FREQ=HOURLY',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    'FREQ=YEARLY;BYDAY=20MO',
    'FREQ=YEARLY;BYDAY=1MO',
    'FREQ=WEEKLY;BYDAY=1MO',
    'FREQ=WEEKLY;BYMONTH=1',
    'FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,MO',
    'FREQ=DAILY;COUNT=3;UNTIL=20270101T000000Z',
    'FREQ=DAILY;X-NAME=1',
    'FREQ=DAILY;RSCALE=HEBREW',
    'FREQ=DAILY;BYMONTHDAY=0',
    'INTERVAL=2',
  ])('lists %s as occurrences instead', (rule) => {
    expect(storableRule(rule, utc)).toBeNull();
  });
});

describe('parseCalendar: broken files are refused with a reason', () => {
  it('empty', () => {
    expect(failure(() => parseCalendar(Buffer.alloc(0), { url: 'https://x.example/', now: NOW })).code).toBe('empty');
  });

  it('a web page', () => {
    expect(failure(() => parse('html-page.html')).code).toBe('not-a-feed');
  });

  it('an RSS feed where a calendar was expected', () => {
    expect(failure(() => parse('wordpress.xml')).code).toBe('not-a-feed');
  });

  it('a truncated file', () => {
    expect(failure(() => parse('truncated.ics')).code).toBe('malformed');
  });

  it('a file whose only event cannot be read', () => {
    const error = failure(() => parseCalendar(ics('BEGIN:VEVENT', 'UID:x', 'DTSTART:garbage', 'END:VEVENT'), { url: 'https://x.example/', now: NOW }));
    expect(error.code).toBe('malformed');
  });

  it('skips one unreadable event among good ones', () => {
    const items = parseCalendar(
      ics('BEGIN:VEVENT', 'UID:bad', 'DTSTART:garbage', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:good', 'DTSTART:20261201T100000Z', 'SUMMARY:Good', 'END:VEVENT'),
      { url: 'https://x.example/', now: NOW },
    );
    expect(items.map((item) => item.uid)).toEqual(['good']);
  });

  it('bytes that are not UTF-8', () => {
    const bytes = Buffer.from(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:x', 'DTSTART:20261201T100000Z', 'SUMMARY:Réunion', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n'), 'latin1');
    expect(failure(() => parseCalendar(bytes, { url: 'https://x.example/', now: NOW })).code).toBe('encoding');
    const [event] = parseCalendar(bytes, { url: 'https://x.example/', now: NOW, contentType: 'text/calendar; charset=iso-8859-1' });
    expect(event!.title).toBe('Réunion');
  });
});

describe('readCalendar: the past window', () => {
  // 183 days before the import is 2026-05-16T12:00Z.
  const result = readCalendar(read('calendar-past-window.ics'), { url: 'https://calendars.example.net/calendar-past-window.ics', now: NOW });

  it('keeps what ended within 183 days, series still running then, and everything ahead however far', () => {
    expect(result.items.map((item) => [item.uid, item.startsAt])).toEqual([
      ['first-half-meetups@lisbon-oss.example.org', '2026-01-06T18:30:00.000Z'],
      ['just-inside@lisbon-oss.example.org', '2026-05-16T11:00:00.000Z'],
      ['december-social@lisbon-oss.example.org', '2026-12-10T18:00:00.000Z'],
      ['conference-2028@lisbon-oss.example.org', '2028-01-10T09:00:00.000Z'],
    ]);
    expect(result.items[0]!.recurrence).toBe('FREQ=WEEKLY;UNTIL=20260630T225959Z;BYDAY=TU');
  });

  it('counts what it left out: an event ended an hour too early, an all-day one, a finished series, a finished unstorable rule', () => {
    expect(result.outsideWindow).toBe(4);
  });
});
