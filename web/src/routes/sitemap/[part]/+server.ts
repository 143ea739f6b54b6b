import { buildUrlSet, DOCUMENTS_PER_PART, parsePartName, partPaths } from '$lib/server/sitemap';
import { sitemapResponse } from '$lib/server/sitemap-response';
import { contentVersion, listSitemapEntries, listSitemapSlice } from '$lib/server/cms';
import type { RequestHandler } from './$types';

/** One part of the sitemap: `pages.xml`, or a numbered chunk such as `groups-2.xml`; any other name is a 404. */
export const GET = (async ({ fetch, params, request, url }) =>
  sitemapResponse(request, url, await contentVersion(fetch), async () => {
    const part = parsePartName(params.part);
    if (!part) return null;
    if (part.kind === 'pages') return buildUrlSet(url.origin, partPaths(part, await listSitemapEntries(fetch, ['pages', 'regions'])));
    const slice = await listSitemapSlice(fetch, part.kind, (part.number - 1) * DOCUMENTS_PER_PART, DOCUMENTS_PER_PART);
    if (!slice.length) return null;
    return buildUrlSet(url.origin, partPaths(part, { [part.kind]: slice }));
  })) satisfies RequestHandler;
