import { describe, expect, it } from 'vitest';
import { inWindow, lastEnd, leftWindowAt, revision, toCalendarEntry, uidHost, webPage, windowStart, type CalendarEventRow } from './calendar-entries';
import { SAMPLE_CONTEXT, SAMPLE_EVENTS } from './golden/sample';

const NOW = new Date('2026-09-15T12:34:56Z');
const event = (overrides: Partial<CalendarEventRow>): CalendarEventRow => ({ ...SAMPLE_EVENTS[0]!, ...overrides });

describe('the calendars’ window', () => {
  it('starts at a UTC midnight about six months back', () => {
    expect(windowStart(NOW).toISOString()).toBe('2026-03-16T00:00:00.000Z');
  });

  it('keeps recent and future events, series until their end, and drops older ones', () => {
    expect(inWindow(event({ startsAt: '2026-03-16T09:00:00Z', endsAt: '2026-03-16T10:00:00Z' }), NOW)).toBe(true);
    expect(inWindow(event({ startsAt: '2026-03-14T09:00:00Z', endsAt: '2026-03-15T23:59:59Z' }), NOW)).toBe(false);
    expect(inWindow(event({ startsAt: '2020-01-07T18:00:00Z', endsAt: '2020-01-07T19:00:00Z', recurrence: 'FREQ=WEEKLY' }), NOW)).toBe(true);
    expect(inWindow(event({ startsAt: '2020-01-07T18:00:00Z', endsAt: '2020-01-07T19:00:00Z', recurrence: 'FREQ=WEEKLY;UNTIL=20201231T000000Z' }), NOW)).toBe(false);
    expect(inWindow(event({ startsAt: '2026-01-01T18:00:00Z', endsAt: '2026-01-01T19:00:00Z', recurrence: 'FREQ=MONTHLY;COUNT=6' }), NOW)).toBe(true);
    expect(inWindow(event({ startsAt: '2025-01-01T18:00:00Z', endsAt: '2025-01-01T19:00:00Z', recurrence: 'FREQ=MONTHLY;COUNT=6' }), NOW)).toBe(false);
  });

  it('bounds a series by its UNTIL or COUNT', () => {
    expect(lastEnd(event({ recurrence: 'FREQ=WEEKLY' }))).toBeNull();
    expect(lastEnd(event({ startsAt: '2026-01-01T18:00:00Z', endsAt: '2026-01-01T20:00:00Z', recurrence: 'FREQ=WEEKLY;INTERVAL=2;COUNT=3' }))?.toISOString()).toBe(
      // 1, 15 and 29 January: the third meeting ends at 20:00.
      '2026-01-29T20:00:00.000Z',
    );
    // UNTIL without Z is wall time in the event's zone (Europe/Paris): 3 March 19:00 CET is 18:00 UTC.
    const paris = { startsAt: '2026-03-03T17:30:00Z', endsAt: '2026-03-03T20:00:00Z', timezone: 'Europe/Paris' };
    expect(lastEnd(event({ ...paris, recurrence: 'FREQ=WEEKLY;UNTIL=20260317T183000' }))?.toISOString()).toBe('2026-03-17T20:00:00.000Z');
    expect(lastEnd(event({ ...paris, recurrence: 'FREQ=WEEKLY;UNTIL=20260317T182959' }))?.toISOString()).toBe('2026-03-10T20:00:00.000Z');
    expect(lastEnd(event({ endsAt: '2026-03-03T20:00:00.000Z', recurrence: '' }))?.toISOString()).toBe('2026-03-03T20:00:00.000Z');
  });

  it('says at which midnight an event that ended dropped out', () => {
    expect(leftWindowAt(new Date('2026-03-15T20:00:00Z'), NOW)?.toISOString()).toBe('2026-09-15T00:00:00.000Z');
    expect(leftWindowAt(new Date('2026-03-16T00:00:00Z'), NOW)).toBeNull();
  });
});

describe('revisions', () => {
  it('count the seconds from creation to the last write, so every edit raises SEQUENCE', () => {
    const first = revision({ createdAt: '2026-01-10T09:00:00Z', updatedAt: '2026-01-10T09:00:00.400Z' });
    const edited = revision({ createdAt: '2026-01-10T09:00:00Z', updatedAt: '2026-01-10T09:05:00Z' });
    const translated = revision({ createdAt: '2026-01-10T09:00:00Z', updatedAt: '2026-01-10T09:05:00Z', textUpdatedAt: '2026-01-11T09:05:00Z' });
    expect(first.sequence).toBe(0);
    expect(edited.sequence).toBe(300);
    expect(translated.sequence).toBe(86_700);
    expect(translated.stamp.toISOString()).toBe('2026-01-11T09:05:00.000Z');
  });
});

describe('an event as a calendar entry', () => {
  it('takes its UID host and links from the website', () => {
    const entry = toCalendarEntry(SAMPLE_EVENTS[0]!, { webUrl: 'https://site.example/community/', pageLocale: 'pt-BR' });
    expect(entry.uid).toBe('rust-lyon-march@site.example');
    expect(entry.url).toBe('https://site.example/community/pt-BR/events/rust-lyon-march');
    expect(uidHost('http://localhost:3000')).toBe('localhost');
    expect(webPage('https://a.example', 'fr', '/groups/x')).toBe('https://a.example/fr/groups/x');
  });

  it('describes the place: venue with coordinates, else the online room', () => {
    const venue = toCalendarEntry(SAMPLE_EVENTS[0]!, SAMPLE_CONTEXT);
    expect(venue.location).toBe('La Cordée, 1 rue de Paris, 69001 Lyon');
    expect(venue.geo).toEqual({ lat: 45.7676, lon: 4.8344 });
    const online = toCalendarEntry(event({ venue: null, onlineUrl: 'https://meet.example.org/x' }), SAMPLE_CONTEXT);
    expect(online.location).toBe('https://meet.example.org/x');
    expect(online.geo).toBeNull();
    const hybrid = toCalendarEntry(event({ onlineUrl: 'https://meet.example.org/x' }), SAMPLE_CONTEXT);
    expect(hybrid.description).toMatch(/\n\nhttps:\/\/meet\.example\.org\/x$/);
  });

  it('gives the description as plain text and falls back to UTC for an unknown zone', () => {
    const entry = toCalendarEntry(event({ timezone: 'Mars/Olympus' }), SAMPLE_CONTEXT);
    expect(entry.description).toBe('Agenda\n\nTalks and pizza. See the notes (https://notes.example.org/rust).\n\nBring a friend.');
    expect(entry.timeZone).toBeNull();
    expect(toCalendarEntry(event({ state: 'unknown' }), SAMPLE_CONTEXT).state).toBe('scheduled');
    expect(toCalendarEntry(event({ exceptionDates: ['2026-03-10T17:30:00Z'] }), SAMPLE_CONTEXT).exceptions).toEqual([]);
  });

  it('writes UNTIL as RFC 5545 wants it beside DTSTART and cancels exactly the excepted occurrences', () => {
    const allDay = toCalendarEntry(
      event({ allDay: true, startsAt: '2026-05-02T00:00:00Z', endsAt: '2026-05-03T00:00:00Z', recurrence: 'FREQ=YEARLY;UNTIL=20300502T000000Z', exceptionDates: ['2027-05-02T12:00:00Z'] }),
      SAMPLE_CONTEXT,
    );
    expect(allDay.recurrence).toBe('FREQ=YEARLY;UNTIL=20300502');
    expect(allDay.exceptions).toEqual([new Date('2027-05-02T00:00:00Z')]);
    // A date UNTIL is the end of that day in New York (EDT, UTC-4); the exception names a day, cancelling its 18:00 meeting.
    const timed = toCalendarEntry(
      event({ startsAt: '2026-03-03T23:00:00Z', endsAt: '2026-03-04T01:00:00Z', timezone: 'America/New_York', recurrence: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630', exceptionDates: ['2026-03-10T15:00:00Z'] }),
      SAMPLE_CONTEXT,
    );
    expect(timed.recurrence).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260701T035959Z');
    expect(timed.exceptions).toEqual([new Date('2026-03-10T22:00:00Z')]);
  });
});
