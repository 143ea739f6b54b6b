import { buildSitemap } from '$lib/server/sitemap';
import { listSitemapEntries } from '$lib/server/cms';
import type { RequestHandler } from './$types';

export const GET = (async ({ fetch, url }) =>
  new Response(buildSitemap(url.origin, await listSitemapEntries(fetch)), {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=600' },
  })) satisfies RequestHandler;
