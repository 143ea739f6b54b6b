import type { RequestHandler } from './$types';

export const GET = (({ url }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${url.origin}/sitemap.xml\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=86400' },
  })) satisfies RequestHandler;
