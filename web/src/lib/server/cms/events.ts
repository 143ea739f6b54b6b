import { EVENT_FIELDS, toEventCard, type CmsEvent, type EventCard, type EventState } from './cards';
import { fields, getFirst, type Fetch } from './client';

/** An event's times as the CMS gives them: its next occurrence, or null once it is over. */
export interface NextOccurrence {
  start: string;
  end: string;
}

/** One event with what its page shows. */
export interface EventDetail extends EventCard {
  allDay: boolean;
  state: EventState;
  recurrence: string | null;
  exceptionDates: string[];
  language: string | null;
  description: string | null;
  type: string;
  venue: { name: string | null; address: string | null; latitude: number | null; longitude: number | null } | null;
  onlineUrl: string | null;
  registrationUrl: string | null;
  nextOccurrence: NextOccurrence | null;
}

interface CmsEventDetail extends CmsEvent {
  allDay: boolean | null;
  state: EventState;
  recurrence: string | null;
  exceptionDates: unknown;
  language: string | null;
  description: string | null;
  type: string;
  venue: EventDetail['venue'];
  onlineUrl: string | null;
  registrationUrl: string | null;
  nextOccurrence?: NextOccurrence | null;
}

const DETAIL_FIELDS = [
  ...EVENT_FIELDS, 'allDay', 'state', 'recurrence', 'exceptionDates', 'language', 'description', 'type', 'onlineUrl', 'registrationUrl',
];

/** One event by slug or documentId, with its venue, group and next occurrence; null when there is none. */
export async function getEvent(fetch: Fetch, options: { locale: string; id: string }): Promise<EventDetail | null> {
  const event = await getFirst<CmsEventDetail>(fetch, '/api/events', [
    ['locale', options.locale],
    ['filters[$or][0][slug][$eq]', options.id],
    ['filters[$or][1][documentId][$eq]', options.id],
    ...fields(DETAIL_FIELDS),
    ...fields(['name', 'slug'], 'populate[group][fields]'),
    ...fields(['name', 'address', 'latitude', 'longitude'], 'populate[venue][fields]'),
  ]);
  if (!event) return null;
  return {
    ...toEventCard(event, options.locale),
    allDay: event.allDay === true,
    state: event.state,
    recurrence: event.recurrence || null,
    exceptionDates: Array.isArray(event.exceptionDates) ? event.exceptionDates.map(String) : [],
    language: event.language || null,
    description: event.description ?? null,
    type: event.type,
    venue: event.venue ?? null,
    onlineUrl: event.onlineUrl || null,
    registrationUrl: event.registrationUrl || null,
    nextOccurrence: event.nextOccurrence ?? null,
  };
}
