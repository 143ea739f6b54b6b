import { EVENT_FORMATS, GROUP_KINDS, MAX_PAGE_SIZE, SLUG_PATTERN } from '@chapterhouse/config';
import { MAX_OCCURRENCE_PAGE_SIZE, MAX_WINDOW_DAYS } from '../calendar/occurrence-query';
import { LOCALE_PATTERN } from '../openapi/content-api';
import {
  boolean,
  dateTime,
  integer,
  json,
  list,
  nullable,
  object,
  oneOfValues,
  pagination,
  path,
  query,
  ref,
  text,
  textBody,
  type Parameter,
  type Schema,
} from '../openapi/schema';
import { memberRoutes } from './members';
import { membershipRoutes } from './memberships';

// Calendars show the last months, so their cached answers are also renewed at each UTC midnight.
const CALENDAR_CACHE = { name: 'plugin::community.public-cache', config: { periodMs: 86_400_000 } };

/*
 * Each route carries its `openapi` description (parameters, answers, named schemas): the API
 * description served at /api/community/openapi.json is built from these, and its tests check
 * them against the parameters each route really takes and the answers it really gives.
 */

const slug = (what: string) => text(`A ${what}'s slug.`, { pattern: SLUG_PATTERN });
const locale = query('locale', 'Texts in this language along its fallback chain (any BCP 47 tag; links go to the website in that locale).', text(undefined, { pattern: LOCALE_PATTERN }), { example: 'fr' });
const calendarFilters: Parameter[] = [
  query('region', 'Only events of groups in this region (its slug).', slug('region')),
  query('language', 'Only events in this language; `pt` also takes `pt-BR`.', text(undefined, { example: 'pt' })),
  query('kind', 'Only events of groups of this kind.', oneOfValues(GROUP_KINDS)),
  query('format', 'Only events of this format.', oneOfValues(EVENT_FORMATS)),
];
const groupRef = object({ slug: text(), name: text() }, { description: 'The group it comes from.' });
const localeMeta = ref('LocaleMeta');

const FEED_ANSWER = 'Strong `ETag`, `Last-Modified` and `Cache-Control: public, max-age=300`; `If-None-Match` and `If-Modified-Since` are answered with 304.';

const postFields: Record<string, Schema> = {
  documentId: text(),
  title: text(),
  link: nullable(text('The post on its blog.')),
  author: nullable(text()),
  postedAt: nullable(dateTime()),
  summary: nullable(text('The feed’s summary, as sanitized HTML (allow-listed tags, safe links).')),
  excerpt: nullable(text('Plain text, at most 300 characters, cut at a word: from the whole post when the feed carries it.')),
  imageUrl: nullable(text()),
  language: nullable(text('From the item, else the feed, else the group.')),
};
const photoFields: Record<string, Schema> = {
  documentId: text(),
  title: nullable(text('Null when the photo had no real caption ("IMG_1234.jpg", "Untitled"…).')),
  pageUrl: nullable(text('The photo’s page on its site.')),
  imageUrl: text(),
  thumbnailUrl: nullable(text()),
  images: nullable(list(object({ url: text(), thumbnailUrl: nullable(text()), alt: nullable(text()) }), 'Every picture of the entry (an album has several), in order.')),
  author: nullable(text()),
  takenAt: nullable(dateTime()),
  language: nullable(text()),
};

/** Named schemas the routes' descriptions refer to. */
export const routeSchemas: Record<string, Schema> = {
  Post: object({ ...postFields, group: groupRef }, { description: 'A blog post imported from a group’s feed.' }),
  Photo: object({ ...photoFields, group: groupRef }, { description: 'A photo (or album) imported from a group’s photostream.' }),
  GroupPost: object(postFields, { description: 'A blog post imported from the group’s feed, as served with the group.' }),
  GroupPhoto: object(photoFields, { description: 'A photo (or album) imported from the group’s photostream, as served with the group.' }),
  Occurrence: object(
    {
      documentId: text('The event’s documentId.'),
      slug: nullable(text()),
      title: text('In `locale`, along the requested chain.'),
      locale: nullable(text()),
      start: dateTime('UTC.'),
      end: dateTime('UTC.'),
      localStart: text('Wall time in `timezone`.', { example: '2027-01-12T19:00:00' }),
      localEnd: text('Wall time in `timezone`.'),
      timezone: text('The event’s IANA time zone.'),
      allDay: boolean(),
      state: oneOfValues(['scheduled', 'cancelled', 'postponed']),
      cancelled: boolean('The event is cancelled, or this occurrence of it alone.'),
      moved: boolean('This occurrence takes place at another time than the series’ rule gives.'),
      originalStart: nullable(dateTime('Where the rule put an occurrence changed on its own (moved or cancelled), in UTC.')),
      recurring: boolean('Whether it is one date of a series.'),
      recurrence: nullable(text('The series’ RRULE; null for a one-off event.')),
      format: nullable(text()),
      type: nullable(text()),
      language: nullable(text()),
      group: nullable(object({ slug: nullable(text()), name: nullable(text()), kind: nullable(text()) })),
    },
    { description: 'One occurrence of a published event (a series gives one per date).' },
  ),
  FeedHealth: object({
    id: nullable(integer()),
    group: groupRef,
    url: text(),
    title: nullable(text()),
    kind: oneOfValues(['blog', 'photos', 'calendar']),
    health: oneOfValues(['pending', 'ok', 'not-modified', 'failing', 'backing-off']),
    lastAttemptAt: nullable(dateTime()),
    lastSuccessAt: nullable(dateTime()),
    lastError: nullable(text('In words; may name addresses on the importer’s network.')),
    failures: integer('Failures in a row.'),
    nextAttemptAt: nullable(dateTime()),
    itemsImported: integer(),
    leftOut: object({ outsideWindow: integer(), beyondLimit: integer() }, { description: 'Of the last import.' }),
    note: nullable(text('What the last import left out and why, in words.')),
  }),
};

const importedList = (kind: 'post' | 'photo') => ({
  summary: kind === 'post' ? 'Blog posts imported from the groups’ feeds' : 'Photos imported from the groups’ photostreams',
  description: 'Newest first, of published groups only.',
  tags: ['Feeds'],
  parameters: [
    query('group', 'Only this group’s (its slug).', slug('group')),
    query('language', 'Only items in this language; `de` also takes `de-CH`, `pt-BR` only itself.', text(undefined, { pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' })),
    pagination(10, MAX_PAGE_SIZE),
  ],
  responses: {
    200: json('One page.', object({ data: list(ref(kind === 'post' ? 'Post' : 'Photo')), meta: object({ pagination: ref('PageMeta') }) })),
  },
});

export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET',
      path: '/health',
      handler: 'health.index',
      config: { auth: false, policies: [] },
      openapi: {
        summary: 'Whether the CMS and its database are up',
        tags: ['Service'],
        responses: {
          200: json('Up.', object({ status: oneOfValues(['ok']) })),
          503: json('The database does not answer.', object({ status: oneOfValues(['unavailable']) })),
        },
      },
    },
    {
      method: 'GET',
      path: '/groups.geojson',
      handler: 'geojson.groups',
      // Public on purpose: the map and integrators read every published group's location.
      config: { auth: false, policies: [] },
      openapi: {
        summary: 'Every published group with coordinates, as GeoJSON',
        description: 'An RFC 7946 FeatureCollection of Points (`[longitude, latitude]`), ordered by slug; gzipped when accepted, with an ETag.',
        tags: ['Groups'],
        responses: {
          200: {
            description: 'The groups.',
            content: {
              'application/geo+json': {
                schema: object({
                  type: oneOfValues(['FeatureCollection']),
                  features: list(
                    object({
                      type: oneOfValues(['Feature']),
                      geometry: object({ type: oneOfValues(['Point']), coordinates: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } }),
                      properties: object(
                        { slug: text(), name: text(), kind: oneOfValues(GROUP_KINDS), state: text(), city: text(), country: text() },
                        { optional: ['city', 'country'] },
                      ),
                    }),
                  ),
                }),
              },
            },
          },
        },
        cached: true,
      },
    },
    {
      method: 'GET',
      path: '/content-version',
      handler: 'content-version.show',
      // Public on purpose: a token that reveals nothing but whether content changed.
      config: { auth: false, policies: [] },
      openapi: {
        summary: 'The content version',
        description: 'Changes with every write to public content: a reader that caches answers keyed on it knows when to ask again.',
        tags: ['Service'],
        responses: { 200: json('The version.', object({ version: text() })) },
      },
    },
    {
      method: 'GET',
      path: '/posts',
      handler: 'imported.posts',
      // Public on purpose: posts imported from groups' public feeds, shown on the website.
      config: { auth: false, policies: [], middlewares: ['plugin::community.public-cache'] },
      openapi: importedList('post'),
    },
    {
      method: 'GET',
      path: '/photos',
      handler: 'imported.photos',
      // Public on purpose: photos from groups' public photostreams, shown on the website.
      config: { auth: false, policies: [], middlewares: ['plugin::community.public-cache'] },
      openapi: importedList('photo'),
    },
    {
      method: 'GET',
      path: '/feeds',
      handler: 'feeds.find',
      // Integrators need an API token: errors may name addresses on the importer's network.
      config: { policies: [] },
      openapi: {
        summary: 'Every group feed’s import health',
        description: 'As on the admin’s Feeds page. Needs an API token (read-only is enough).',
        tags: ['Feeds'],
        security: [{ apiToken: [] }],
        responses: { 200: json('Every feed.', object({ data: list(ref('FeedHealth')) })) },
      },
    },
    {
      method: 'GET',
      path: '/occurrences',
      handler: 'occurrences.list',
      // Public on purpose: the published events' dates, for the website and integrators.
      config: { auth: false, policies: [], middlewares: ['plugin::community.public-cache'] },
      openapi: {
        summary: 'Every occurrence of the published events in a window, or each event’s next (or last) one',
        description:
          `Series expanded by the recurrence engine, moved and cancelled occurrences marked, sorted by start. The window \`[from, to)\` spans at most ${MAX_WINDOW_DAYS} days; ` +
          'with `distinct=event` each event gives one row (its first occurrence in the window that takes place and has not ended at `from`, or with `sort=start:desc` its last one before `to`), and the window may be open on either side and longer.',
        tags: ['Events'],
        parameters: [
          query('from', 'Start of the window: an ISO 8601 instant, or a date read as UTC midnight. Required unless `distinct=event` and `to` are given.', text(undefined, { example: '2027-01-01' })),
          query('to', 'End of the window (excluded), after `from`. Required unless `distinct=event` and `from` are given.', text(undefined, { example: '2027-02-01' })),
          query('distinct', 'One row per event instead of one per occurrence.', oneOfValues(['event'])),
          query('sort', 'By start, soonest first (the default) or latest first.', oneOfValues(['start', 'start:asc', 'start:desc'])),
          query('group', 'Only this group’s events (its slug; an unknown one is a 400).', slug('group')),
          query('event', 'Only this event’s occurrences (its documentId; an unknown one is a 400).', text(undefined, { pattern: '^[a-z0-9]{1,64}$' })),
          query('q', 'Words that must all appear in the title, description or group name (in the requested locale; case and accents aside).', text(undefined, { maxLength: 100 })),
          locale,
          ...calendarFilters,
          pagination(25, MAX_OCCURRENCE_PAGE_SIZE),
        ],
        responses: {
          200: json(
            'One page of occurrences.',
            object({
              data: list(ref('Occurrence')),
              meta: object({
                pagination: ref('PageMeta'),
                locale: localeMeta,
                languages: list(text(), 'The languages of the rows every filter but `language` leaves, for a language picker.'),
              }),
            }),
          ),
        },
      },
    },
    {
      method: 'GET',
      path: '/groups/:slug/calendar.ics',
      handler: 'calendar.group',
      // Public on purpose: a group's published events, for calendar subscriptions that carry no credentials.
      config: { auth: false, policies: [], middlewares: [CALENDAR_CACHE] },
      openapi: {
        summary: 'One group’s calendar (iCalendar)',
        description: `RFC 5545: events that ended in the last 183 days and everything later, series whole. ${FEED_ANSWER}`,
        tags: ['Calendars'],
        parameters: [path('slug', 'The group’s slug.', slug('group')), locale],
        responses: { 200: textBody('The calendar.', 'text/calendar') },
      },
    },
    {
      method: 'GET',
      path: '/calendar.ics',
      handler: 'calendar.community',
      // Public on purpose: every published event of the community, for calendar subscriptions.
      config: { auth: false, policies: [], middlewares: [CALENDAR_CACHE] },
      openapi: {
        summary: 'The whole community’s calendar (iCalendar)',
        description: `Every group’s events, narrowed by the filters. ${FEED_ANSWER}`,
        tags: ['Calendars'],
        parameters: [locale, ...calendarFilters],
        responses: { 200: textBody('The calendar.', 'text/calendar') },
      },
    },
    {
      method: 'GET',
      path: '/events/:documentId/calendar.ics',
      handler: 'calendar.event',
      // Public on purpose: one published event, the website's "add to calendar" file.
      config: { auth: false, policies: [], middlewares: [CALENDAR_CACHE] },
      openapi: {
        summary: 'One event (iCalendar)',
        description: `Whenever it takes place. ${FEED_ANSWER}`,
        tags: ['Calendars'],
        parameters: [path('documentId', 'The event’s documentId.'), locale],
        responses: { 200: textBody('The event.', 'text/calendar') },
      },
    },
    {
      method: 'GET',
      path: '/activity.atom',
      handler: 'activity-feed.community',
      // Public on purpose: what is new among the published groups and events, for feed readers.
      config: { auth: false, policies: [], middlewares: ['plugin::community.public-cache'] },
      openapi: {
        summary: 'New groups, events and blog posts (Atom)',
        description: `The newest 50, linking to the website’s pages in the requested locale. ${FEED_ANSWER}`,
        tags: ['Feeds'],
        parameters: [locale],
        responses: { 200: textBody('The feed.', 'application/atom+xml') },
      },
    },
    {
      method: 'GET',
      path: '/groups/:slug/activity.atom',
      handler: 'activity-feed.group',
      // Public on purpose: what is new in one published group, for feed readers.
      config: { auth: false, policies: [], middlewares: ['plugin::community.public-cache'] },
      openapi: {
        summary: 'One group’s new events and blog posts (Atom)',
        description: FEED_ANSWER,
        tags: ['Feeds'],
        parameters: [path('slug', 'The group’s slug.', slug('group')), locale],
        responses: { 200: textBody('The feed.', 'application/atom+xml') },
      },
    },
    {
      method: 'GET',
      path: '/openapi.json',
      handler: 'api-description.show',
      // Public on purpose: the description of the public API, for integrators and their tools.
      config: { auth: false, policies: [], middlewares: ['plugin::community.public-cache'] },
      openapi: {
        summary: 'This description of the public API (OpenAPI 3.1)',
        tags: ['Service'],
        responses: { 200: json('The OpenAPI document.', { type: 'object' }) },
      },
    },
    ...memberRoutes,
    ...membershipRoutes,
  ],
};
