import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, readLocaleParam, type LocaleRequest, type OccurrenceRow } from '@chapterhouse/config';

/** How many events `populate=upcomingEvents` and `populate=pastEvents` give each group. */
export const EVENTS_SERVED = 10;

/** The `upcomingEvents` and `pastEvents` fields, as the API description states them. */
export const GROUP_EVENTS_SCHEMA = (when: 'next' | 'last') => ({
  type: 'array',
  description:
    when === 'next'
      ? `Present when asked for with \`populate=upcomingEvents\` (not with \`populate=*\`): the group's next ${EVENTS_SERVED} events, each at its next occurrence that takes place and has not ended, soonest first — the rows of \`/api/community/occurrences?group=…&distinct=event\`.`
      : `Present when asked for with \`populate=pastEvents\` (not with \`populate=*\`): the group's last ${EVENTS_SERVED} events, each at its last occurrence that started before now, latest first — the rows of \`/api/community/occurrences?group=…&distinct=event&sort=start:desc\`. A running series is in both lists.`,
  items: { $ref: '#/components/schemas/Occurrence' },
});

interface OccurrenceService {
  list(query: Record<string, unknown>, known?: unknown[]): Promise<{ data: OccurrenceRow[] }>;
}

interface PublishedContent {
  events(scope: { group: string; withoutVenue: boolean }, chain: readonly string[]): Promise<unknown[]>;
}

/**
 * Each group's events at their next and last occurrences, as the occurrences endpoint gives
 * them, and the instant the answer stops being true: when the first listed occurrence
 * starts (it moves from upcoming to past) or, if under way, ends.
 */
export async function eventsOfGroups(
  strapi: Core.Strapi,
  served: { documentId: string; slug?: unknown }[],
  localeParam: unknown,
  wanted: { upcomingEvents: boolean; pastEvents: boolean },
): Promise<{ upcoming: Map<string, OccurrenceRow[]>; past: Map<string, OccurrenceRow[]>; freshUntil: number }> {
  // The read has checked the parameter already.
  const read = readLocaleParam(localeParam);
  const locale = (typeof read === 'string' ? readLocaleParam(undefined) : read) as LocaleRequest;
  const service = strapi.plugin('community').service('occurrences') as OccurrenceService;
  const content = strapi.plugin('community').service('published-content') as PublishedContent;
  // Their slugs, read only for the groups served without one (a field list that leaves it out).
  const known = served.filter((group): group is { documentId: string; slug: string } => typeof group.slug === 'string');
  const unknown = served.filter((group) => typeof group.slug !== 'string').map((group) => group.documentId);
  const groups = unknown.length
    ? [
        ...known,
        ...((await strapi.db.query('api::group.group').findMany({
          select: ['documentId', 'slug'],
          where: { documentId: { $in: unknown }, locale: DEFAULT_LOCALE, publishedAt: { $notNull: true } },
        })) as { documentId: string; slug: string }[]),
      ]
    : known;
  const now = new Date();
  const common = { locale, filters: {}, page: 1, pageSize: EVENTS_SERVED, distinct: true };
  const upcoming = new Map<string, OccurrenceRow[]>();
  const past = new Map<string, OccurrenceRow[]>();
  let freshUntil = Infinity;
  await Promise.all(
    groups.map(async ({ documentId, slug }) => {
      // Both lists come from one read of the group's events. The upcoming list is made for the
      // past one too: it says when the past one changes.
      const events = await content.events({ group: slug, withoutVenue: true }, locale.chain);
      const [next, last] = await Promise.all([
        service.list({ ...common, group: slug, from: now, to: null, descending: false }, events),
        wanted.pastEvents ? service.list({ ...common, group: slug, from: null, to: now, descending: true }, events) : null,
      ]);
      if (wanted.upcomingEvents) upcoming.set(documentId, next.data);
      if (last) past.set(documentId, last.data);
      for (const row of next.data) {
        const start = Date.parse(row.start);
        freshUntil = Math.min(freshUntil, start > now.getTime() ? start : Date.parse(row.end));
      }
    }),
  );
  return { upcoming, past, freshUntil };
}
