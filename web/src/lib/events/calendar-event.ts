import { plainText } from '@chapterhouse/config';
import type { EventDetail } from '$lib/server/cms';
import type { CalendarEvent } from './calendar-links';

/** The location line calendars show: the venue, or the online room. */
export function eventLocation(event: Pick<EventDetail, 'venue' | 'onlineUrl'>): string {
  const venue = [event.venue?.name, event.venue?.address].filter(Boolean).join(', ');
  return venue || event.onlineUrl || '';
}

/**
 * An event for calendars: a series from its first occurrence with its rule, so the calendar
 * holds all of it; `occurrence` replaces the dates when only one date can be given.
 */
export function toCalendarEvent(
  event: EventDetail,
  pageUrl: string,
  occurrence?: { startsAt: string; endsAt: string } | null,
): CalendarEvent {
  const dates = occurrence ?? event;
  return {
    title: event.title,
    description: plainText(event.description ?? ''),
    location: eventLocation(event),
    url: pageUrl,
    start: new Date(dates.startsAt),
    end: new Date(dates.endsAt),
    allDay: event.allDay,
    timezone: event.timezone,
    recurrence: occurrence ? null : event.recurrence,
  };
}
