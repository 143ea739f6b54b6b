import { describe, expect, it } from 'vitest';
import { googleCalendarUrl, outlookCalendarUrl, plainText, type CalendarEvent } from './calendar-links';
import { buildIcs, escapeText, foldLine, vtimezone } from './ics';

const meetup: CalendarEvent = {
  id: 'abc123',
  title: 'Rust; Lyon, meetup',
  description: 'Talks and pizza.\nBring a friend.',
  location: 'La Cordée, 1 rue de Paris, Lyon',
  url: 'https://groups.example.org/fr/events/rust-lyon',
  start: new Date('2026-03-03T17:30:00Z'),
  end: new Date('2026-03-03T20:00:00Z'),
  allDay: false,
  timezone: 'Europe/Paris',
};
const series: CalendarEvent = { ...meetup, recurrence: 'FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270630T000000Z', exceptionDates: ['2026-04-07T16:30:00.000Z'] };
const STAMP = { stamp: new Date('2026-01-01T08:00:00Z') };

const lines = (ics: string) => ics.split('\r\n').slice(0, -1);
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('add-to-calendar links', () => {
  it('builds a Google Calendar link with UTC dates, and the rule for a series', () => {
    const url = new URL(googleCalendarUrl(meetup));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('text')).toBe('Rust; Lyon, meetup');
    expect(url.searchParams.get('dates')).toBe('20260303T173000Z/20260303T200000Z');
    expect(url.searchParams.get('details')).toBe(`${meetup.description}\n\n${meetup.url}`);
    expect(url.searchParams.get('location')).toBe(meetup.location);
    expect(url.searchParams.has('recur')).toBe(false);
    const recurring = new URL(googleCalendarUrl(series));
    expect(recurring.searchParams.get('recur')).toBe('RRULE:FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270630T000000Z');
    expect(recurring.searchParams.get('ctz')).toBe('Europe/Paris');
  });

  it('gives all-day events dates with an exclusive end', () => {
    const day = { ...meetup, allDay: true, start: new Date('2026-05-02T00:00:00Z'), end: new Date('2026-05-04T00:00:00Z') };
    expect(new URL(googleCalendarUrl(day)).searchParams.get('dates')).toBe('20260502/20260504');
    const outlook = new URL(outlookCalendarUrl(day)).searchParams;
    expect([outlook.get('startdt'), outlook.get('enddt'), outlook.get('allday')]).toEqual(['2026-05-02', '2026-05-04', 'true']);
  });

  it('builds an Outlook compose link', () => {
    const url = new URL(outlookCalendarUrl(meetup));
    expect(url.origin + url.pathname).toBe('https://outlook.live.com/calendar/0/deeplink/compose');
    expect(url.searchParams.get('subject')).toBe(meetup.title);
    expect(url.searchParams.get('startdt')).toBe('2026-03-03T17:30:00Z');
    expect(url.searchParams.get('enddt')).toBe('2026-03-03T20:00:00Z');
    expect(url.searchParams.get('body')).toContain('Talks and pizza.');
    expect(url.searchParams.get('location')).toBe(meetup.location);
  });

  it('turns markdown into calendar text', () => {
    expect(plainText('## Agenda\n\nSee the **[notes](https://n.example/x)**.')).toBe('Agenda\n\nSee the notes (https://n.example/x).');
  });
});

describe('the .ics file', () => {
  it('escapes text values', () => {
    expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'日本語のイベント'.repeat(10)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, i) => (i ? part.slice(1) : part)).join('')).toBe(line);
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('writes a one-off event in UTC with CRLF, a stable UID and escaped text', () => {
    const ics = buildIcs({ ...meetup, description: `${'Long text. '.repeat(20)}`, state: 'scheduled' }, STAMP);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines(ics)) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const text = unfold(ics);
    expect(text).toContain('\r\nUID:abc123@chapterhouse\r\n');
    expect(text).toContain('\r\nDTSTAMP:20260101T080000Z\r\n');
    expect(text).toContain('\r\nDTSTART:20260303T173000Z\r\nDTEND:20260303T200000Z\r\n');
    expect(text).toContain('\r\nSUMMARY:Rust\\; Lyon\\, meetup\r\n');
    expect(text).toContain('\r\nSTATUS:CONFIRMED\r\n');
    expect(text).not.toContain('VTIMEZONE');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('writes a series in its zone with a VTIMEZONE, the rule and its exceptions', () => {
    const text = unfold(buildIcs(series, STAMP));
    expect(text).toContain('\r\nDTSTART;TZID=Europe/Paris:20260303T183000\r\nDTEND;TZID=Europe/Paris:20260303T210000\r\n');
    expect(text).toContain('\r\nRRULE:FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270630T000000Z\r\n');
    expect(text).toContain('\r\nEXDATE;TZID=Europe/Paris:20260407T183000\r\n');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n');
  });

  it('describes a zone’s daylight-saving changes as yearly rules', () => {
    expect(vtimezone('Europe/Paris', 2026)).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Paris',
      'BEGIN:DAYLIGHT',
      'DTSTART:20260329T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20261025T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    expect(vtimezone('Asia/Tokyo', 2026)).toContain('TZOFFSETTO:+0900');
    expect(vtimezone('America/New_York', 2026)).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
  });

  it('is byte-identical whatever the server’s time zone', () => {
    const before = process.env.TZ;
    const here = buildIcs(series, STAMP);
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(buildIcs(series, STAMP)).toBe(here);
    } finally {
      process.env.TZ = before;
    }
  });
});
