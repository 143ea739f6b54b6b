/** The occurrences endpoint's rows: written by the CMS's plugin, read by the website. */
/** One occurrence of an event, in UTC and as wall time in the event's own zone. */
export interface OccurrenceRow {
  documentId: string;
  slug: string | null;
  title: string;
  /** The locale `title` is in, when the rows came in one. */
  locale: string | null;
  start: string;
  end: string;
  /** Wall-clock start and end in `timezone`, e.g. `2027-01-12T19:00:00`. */
  localStart: string;
  localEnd: string;
  timezone: string;
  allDay: boolean;
  /** The event's own state: `scheduled`, `cancelled` or `postponed`. */
  state: string;
  /** The event is cancelled, or this occurrence of it alone. */
  cancelled: boolean;
  /** This occurrence takes place at another time than its series' rule gives. */
  moved: boolean;
  /** Where the rule put a changed occurrence (moved or cancelled on its own); else null. */
  originalStart: string | null;
  recurring: boolean;
  /** The series' RRULE as stored, null for a one-off event. */
  recurrence: string | null;
  format: string | null;
  type: string | null;
  language: string | null;
  group: { slug: string | null; name: string | null; kind: string | null } | null;
}
