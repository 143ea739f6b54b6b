import { describe, expect, it } from 'vitest';
import { googleCalendarUrl, outlookCalendarUrl, type CalendarEvent } from './calendar-links';

const meetup: CalendarEvent = {
  title: 'Rust; Lyon, meetup',
  description: 'Talks and pizza.\nBring a friend.',
  location: 'La Cordée, 1 rue de Paris, Lyon',
  url: 'https://groups.example.org/fr/events/rust-lyon',
  start: new Date('2026-03-03T17:30:00Z'),
  end: new Date('2026-03-03T20:00:00Z'),
  allDay: false,
  timezone: 'Europe/Paris',
};
const series: CalendarEvent = { ...meetup, recurrence: 'FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270630T000000Z' };

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
});
