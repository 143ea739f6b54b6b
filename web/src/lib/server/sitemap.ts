import { LOCALE_CODES } from '@chapterhouse/config';
import { escapeHtml } from '$lib/markdown';

export type ContentKind = 'groups' | 'events' | 'pages' | 'regions';
export interface SitemapEntry {
  slug: string;
  updatedAt: string;
}

/**
 * Documents per part of the groups and events sitemaps. Each document is one URL per
 * locale (7 today), each URL lists every locale as an alternate: 500 documents make
 * 3,500 URLs and about 3.5 MB, far below the protocol's 50,000 URLs and 50 MB.
 */
export const DOCUMENTS_PER_PART = 500;

/** The kinds that can grow into the thousands, split into numbered parts. */
export const CHUNKED_KINDS = ['groups', 'events'] as const;
export type ChunkedKind = (typeof CHUNKED_KINDS)[number];

/** Pages that exist whatever the content: the home page and the listings. */
const STATIC_PATHS = ['', '/groups', '/events', '/map', '/working-groups', '/start-a-group'];

/** What a sitemap part holds: the site's own pages with editors' pages and regions, or one chunk of a growing kind. */
export type SitemapPart = { kind: 'pages' } | { kind: ChunkedKind; number: number };

/** The part a file name under /sitemap/ names (`pages.xml`, `groups-2.xml`), or null. */
export function parsePartName(name: string): SitemapPart | null {
  if (name === 'pages.xml') return { kind: 'pages' };
  const match = /^(groups|events)-([1-9]\d{0,5})\.xml$/.exec(name);
  return match ? { kind: match[1] as ChunkedKind, number: Number(match[2]) } : null;
}

export function partName(part: SitemapPart): string {
  return part.kind === 'pages' ? 'pages.xml' : `${part.kind}-${part.number}.xml`;
}

function newest(entries: SitemapEntry[]): string | undefined {
  let latest: string | undefined;
  for (const { updatedAt } of entries) if (updatedAt && (!latest || updatedAt > latest)) latest = updatedAt;
  return latest;
}

/** The 1-based chunk of a kind's entries (sorted as the CMS lists them) that a part holds. */
export function chunk<T>(entries: T[], number: number): T[] {
  return entries.slice((number - 1) * DOCUMENTS_PER_PART, number * DOCUMENTS_PER_PART);
}

/** Every part with its last change: `pages.xml`, then the numbered parts of each growing kind that has content. */
export function sitemapParts(entries: Record<ContentKind, SitemapEntry[]>): { part: SitemapPart; lastmod?: string }[] {
  const parts: { part: SitemapPart; lastmod?: string }[] = [
    { part: { kind: 'pages' }, lastmod: newest([...entries.pages, ...entries.regions]) },
  ];
  for (const kind of CHUNKED_KINDS) {
    const count = Math.ceil(entries[kind].length / DOCUMENTS_PER_PART);
    for (let number = 1; number <= count; number++) {
      parts.push({ part: { kind, number }, lastmod: newest(chunk(entries[kind], number)) });
    }
  }
  return parts;
}

const lastmodTag = (lastmod: string | undefined) => (lastmod ? [`    <lastmod>${escapeHtml(lastmod)}</lastmod>`] : []);

/** The sitemap index: where each part is and when it last changed. */
export function buildSitemapIndex(origin: string, parts: { part: SitemapPart; lastmod?: string }[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map(({ part, lastmod }) =>
      ['  <sitemap>', `    <loc>${escapeHtml(`${origin}/sitemap/${partName(part)}`)}</loc>`, ...lastmodTag(lastmod), '  </sitemap>'].join('\n'),
    ),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** The paths (after the locale) of a part's pages, with their last change where known. */
export function partPaths(
  part: SitemapPart,
  entries: Partial<Record<ContentKind, SitemapEntry[]>>,
): { path: string; lastmod?: string }[] {
  const documents = (kind: ContentKind) =>
    (entries[kind] ?? []).map(({ slug, updatedAt }) => ({ path: `/${kind}/${encodeURIComponent(slug)}`, lastmod: updatedAt || undefined }));
  if (part.kind === 'pages') return [...STATIC_PATHS.map((path) => ({ path })), ...documents('pages'), ...documents('regions')];
  return documents(part.kind);
}

/** A sitemap of pages in every locale, each listing its alternates (hreflang). */
export function buildUrlSet(origin: string, pages: { path: string; lastmod?: string }[]): string {
  const urls = pages.flatMap(({ path, lastmod }) => {
    const alternates = LOCALE_CODES.map(
      (code) => `    <xhtml:link rel="alternate" hreflang="${code}" href="${escapeHtml(`${origin}/${code}${path}`)}"/>`,
    ).join('\n');
    return LOCALE_CODES.map((code) =>
      ['  <url>', `    <loc>${escapeHtml(`${origin}/${code}${path}`)}</loc>`, ...lastmodTag(lastmod), alternates, '  </url>'].join('\n'),
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
