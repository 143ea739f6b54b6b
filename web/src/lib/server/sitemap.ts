import { LOCALE_CODES } from '@chapterhouse/config';
import { escapeHtml } from '$lib/markdown';

type Entries = Record<'groups' | 'events' | 'pages' | 'regions', { slug: string; updatedAt: string }[]>;

const STATIC_PATHS = ['', '/groups', '/events', '/map', '/working-groups', '/start-a-group'];

/** A sitemap with every public page in every locale, each listing its alternates (hreflang). */
export function buildSitemap(origin: string, entries: Entries): string {
  const pages: { path: string; lastmod?: string }[] = [
    ...STATIC_PATHS.map((path) => ({ path })),
    ...(['groups', 'events', 'pages', 'regions'] as const).flatMap((kind) =>
      entries[kind].map(({ slug, updatedAt }) => ({ path: `/${kind}/${encodeURIComponent(slug)}`, lastmod: updatedAt })),
    ),
  ];
  const urls = pages.flatMap(({ path, lastmod }) => {
    const alternates = LOCALE_CODES.map(
      (code) => `    <xhtml:link rel="alternate" hreflang="${code}" href="${escapeHtml(`${origin}/${code}${path}`)}"/>`,
    ).join('\n');
    return LOCALE_CODES.map((code) =>
      [
        '  <url>',
        `    <loc>${escapeHtml(`${origin}/${code}${path}`)}</loc>`,
        ...(lastmod ? [`    <lastmod>${escapeHtml(lastmod)}</lastmod>`] : []),
        alternates,
        '  </url>',
      ].join('\n'),
    );
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
