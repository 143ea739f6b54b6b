import { buildSitemapIndex, sitemapParts } from '$lib/server/sitemap';
import { sitemapResponse } from '$lib/server/sitemap-response';
import { contentVersion, listSitemapEntries } from '$lib/server/cms';
import type { RequestHandler } from './$types';

/** The sitemap index: one part for the site's own pages, and numbered parts of groups and events. */
export const GET = (async ({ fetch, request, url }) =>
  sitemapResponse(request, url, await contentVersion(fetch), async () => {
    const entries = await listSitemapEntries(fetch, ['groups', 'events', 'pages', 'regions']);
    return buildSitemapIndex(
      url.origin,
      sitemapParts({ groups: entries.groups ?? [], events: entries.events ?? [], pages: entries.pages ?? [], regions: entries.regions ?? [] }),
    );
  })) satisfies RequestHandler;
