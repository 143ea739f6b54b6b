// Calendars show the last months, so their cached answers are also renewed at each UTC midnight.
const CALENDAR_CACHE = { name: 'plugin::community.public-cache', config: { periodMs: 86_400_000 } };

export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET',
      path: '/health',
      handler: 'health.index',
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/groups.geojson',
      handler: 'geojson.groups',
      // Public on purpose: the map and integrators read every published group's location.
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/content-version',
      handler: 'content-version.show',
      // Public on purpose: a token that reveals nothing but whether content changed.
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/posts',
      handler: 'imported.posts',
      // Public on purpose: posts imported from groups' public feeds, shown on the website.
      config: { auth: false, policies: [], middlewares: ['plugin::community.public-cache'] },
    },
    {
      method: 'GET',
      path: '/photos',
      handler: 'imported.photos',
      // Public on purpose: photos from groups' public photostreams, shown on the website.
      config: { auth: false, policies: [], middlewares: ['plugin::community.public-cache'] },
    },
    {
      method: 'GET',
      path: '/feeds',
      handler: 'feeds.find',
      // Integrators need an API token: errors may name addresses on the importer's network.
      config: { policies: [] },
    },
    {
      method: 'GET',
      path: '/occurrences',
      handler: 'occurrences.list',
      // Public on purpose: the published events' dates, for the website and integrators.
      config: { auth: false, policies: [], middlewares: ['plugin::community.public-cache'] },
    },
    {
      method: 'GET',
      path: '/groups/:slug/calendar.ics',
      handler: 'calendar.group',
      // Public on purpose: a group's published events, for calendar subscriptions that carry no credentials.
      config: { auth: false, policies: [], middlewares: [CALENDAR_CACHE] },
    },
    {
      method: 'GET',
      path: '/calendar.ics',
      handler: 'calendar.community',
      // Public on purpose: every published event of the community, for calendar subscriptions.
      config: { auth: false, policies: [], middlewares: [CALENDAR_CACHE] },
    },
    {
      method: 'GET',
      path: '/events/:documentId/calendar.ics',
      handler: 'calendar.event',
      // Public on purpose: one published event, the website's "add to calendar" file.
      config: { auth: false, policies: [], middlewares: [CALENDAR_CACHE] },
    },
    {
      method: 'GET',
      path: '/activity.atom',
      handler: 'activity-feed.community',
      // Public on purpose: what is new among the published groups and events, for feed readers.
      config: { auth: false, policies: [], middlewares: ['plugin::community.public-cache'] },
    },
    {
      method: 'GET',
      path: '/groups/:slug/activity.atom',
      handler: 'activity-feed.group',
      // Public on purpose: what is new in one published group, for feed readers.
      config: { auth: false, policies: [], middlewares: ['plugin::community.public-cache'] },
    },
  ],
};
