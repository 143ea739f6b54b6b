import { LOCALE_CODES } from '@chapterhouse/config';
import { describe, expect, it } from 'vitest';
import {
  buildSitemapIndex,
  buildUrlSet,
  chunk,
  DOCUMENTS_PER_PART,
  parsePartName,
  partName,
  partPaths,
  sitemapParts,
  type SitemapEntry,
} from './sitemap';

const ORIGIN = 'https://groups.example.org';
const entries = (prefix: string, count: number): SitemapEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    slug: `${prefix}-${String(i).padStart(5, '0')}-with-a-rather-long-name-for-its-city`,
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  }));

describe('the sitemap index', () => {
  it('splits groups and events into numbered parts and dates each by its newest document', () => {
    const groups = entries('group', 1234);
    const parts = sitemapParts({ groups, events: entries('event', 10), pages: entries('page', 3), regions: entries('region', 2) });
    expect(parts.map(({ part }) => partName(part))).toEqual(['pages.xml', 'groups-1.xml', 'groups-2.xml', 'groups-3.xml', 'events-1.xml']);
    expect(parts[1]?.lastmod).toBe(groups[DOCUMENTS_PER_PART - 1]?.updatedAt);
    expect(parts[3]?.lastmod).toBe(groups[1233]?.updatedAt);
    expect(parts[0]?.lastmod).toBe(entries('page', 3)[2]?.updatedAt);

    const index = buildSitemapIndex(ORIGIN, parts);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index).toContain(`<loc>${ORIGIN}/sitemap/groups-3.xml</loc>`);
    expect(index.match(/<sitemap>/g)).toHaveLength(5);
  });

  it('lists no part for a kind without content', () => {
    const parts = sitemapParts({ groups: [], events: [], pages: [], regions: [] });
    expect(parts.map(({ part }) => partName(part))).toEqual(['pages.xml']);
    expect(parts[0]?.lastmod).toBeUndefined();
  });

  it('names parts so that only real ones parse', () => {
    expect(parsePartName('pages.xml')).toEqual({ kind: 'pages' });
    expect(parsePartName('groups-12.xml')).toEqual({ kind: 'groups', number: 12 });
    expect(parsePartName('events-1.xml')).toEqual({ kind: 'events', number: 1 });
    for (const name of ['groups-0.xml', 'groups-01.xml', 'regions-1.xml', 'groups.xml', 'groups-1.xml.gz', '../sitemap.xml']) {
      expect(parsePartName(name), name).toBeNull();
    }
  });
});

describe('a sitemap part', () => {
  it('stays far inside the protocol limits for a community of 5,000 groups', () => {
    const groups = entries('group', 5000);
    const parts = sitemapParts({ groups, events: [], pages: [], regions: [] }).filter(({ part }) => part.kind === 'groups');
    expect(parts).toHaveLength(10);
    const xml = buildUrlSet(ORIGIN, partPaths({ kind: 'groups', number: 1 }, { groups: chunk(groups, 1) }));
    const urls = xml.match(/<url>/g)?.length ?? 0;
    expect(urls).toBe(DOCUMENTS_PER_PART * LOCALE_CODES.length);
    expect(urls).toBeLessThan(50_000);
    expect(Buffer.byteLength(xml)).toBeLessThan(10 * 1024 * 1024);
  });

  it('lists every page in every locale with its alternates and last change', () => {
    const [group] = entries('group', 1);
    const xml = buildUrlSet(ORIGIN, partPaths({ kind: 'groups', number: 1 }, { groups: [group!] }));
    for (const code of LOCALE_CODES) {
      expect(xml).toContain(`<loc>${ORIGIN}/${code}/groups/${group!.slug}</loc>`);
      expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="${code}" href="${ORIGIN}/${code}/groups/${group!.slug}"/>`);
    }
    expect(xml.match(/<lastmod>2026-01-01T00:00:00.000Z<\/lastmod>/g)).toHaveLength(LOCALE_CODES.length);
  });

  it('puts the site’s own pages, editors’ pages and regions in pages.xml, escaped', () => {
    const xml = buildUrlSet(
      ORIGIN,
      partPaths({ kind: 'pages' }, { pages: [{ slug: 'brand & assets', updatedAt: '2026-02-01T00:00:00.000Z' }], regions: entries('region', 1) }),
    );
    expect(xml).toContain(`<loc>${ORIGIN}/fr/start-a-group</loc>`);
    expect(xml).toContain(`<loc>${ORIGIN}/ja</loc>`);
    expect(xml).toContain(`<loc>${ORIGIN}/en/pages/brand%20%26%20assets</loc>`);
    expect(xml).toContain(`${ORIGIN}/de/regions/region-00000`);
  });
});
