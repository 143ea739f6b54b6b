import { calendarRule } from '@chapterhouse/config';

/** Calendars and the page's description show the event's Markdown as plain text, as the CMS's calendar files do. */
export { plainText } from '@chapterhouse/config';

/** What the add-to-calendar links need of an event. */
export interface CalendarEvent {
  title: string;
  description: string;
  location: string;
  /** The event's page, so the calendar entry leads back to it. */
  url: string;
  start: Date;
  end: Date;
  allDay: boolean;
  timezone: string;
  recurrence?: string | null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `20260303T173000Z`. */
function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** `20260303`: an all-day event's dates are UTC calendar days. */
function dateStamp(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
}

/** All-day events end on the day after their last day, as calendars count them. */
function allDayEnd(start: Date, end: Date): Date {
  const days = Math.max(1, Math.ceil((end.getTime() - start.getTime()) / 86_400_000));
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + days));
}

/** The rule a calendar can take: only rules the engine expands, UNTIL as RFC 5545 wants it. */
function recurrenceRule(event: CalendarEvent): string | null {
  return calendarRule({ startsAt: event.start, endsAt: event.end, timezone: event.timezone, allDay: event.allDay, recurrence: event.recurrence });
}

/** A Google Calendar "create event" link; a series is added whole (with `recur`) in its own zone. */
export function googleCalendarUrl(event: CalendarEvent): string {
  const dates = event.allDay
    ? `${dateStamp(event.start)}/${dateStamp(allDayEnd(event.start, event.end))}`
    : `${utcStamp(event.start)}/${utcStamp(event.end)}`;
  const params = new URLSearchParams({ action: 'TEMPLATE', text: event.title, dates });
  params.set('details', [event.description, event.url].filter(Boolean).join('\n\n'));
  if (event.location) params.set('location', event.location);
  const rule = recurrenceRule(event);
  if (rule) {
    params.set('recur', `RRULE:${rule}`);
    params.set('ctz', event.timezone);
  }
  return `https://calendar.google.com/calendar/render?${params}`;
}

/** An Outlook.com "compose event" link. Outlook takes no recurrence: give it one occurrence. */
export function outlookCalendarUrl(event: CalendarEvent): string {
  const params = new URLSearchParams({ path: '/calendar/action/compose', rru: 'addevent', subject: event.title });
  if (event.allDay) {
    params.set('startdt', event.start.toISOString().slice(0, 10));
    params.set('enddt', allDayEnd(event.start, event.end).toISOString().slice(0, 10));
    params.set('allday', 'true');
  } else {
    params.set('startdt', event.start.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    params.set('enddt', event.end.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  }
  params.set('body', [event.description, event.url].filter(Boolean).join('\n\n'));
  if (event.location) params.set('location', event.location);
  return `https://outlook.live.com/calendar/0/deeplink/compose?${params}`;
}
