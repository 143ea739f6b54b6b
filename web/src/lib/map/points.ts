import { collator as sharedCollator } from '$lib/intl';
import { countryName } from '$lib/i18n/translate';

/** A group as the map and the list under it show it. */
export interface MapGroup {
  slug: string;
  name: string;
  kind: string;
  lat: number;
  lng: number;
  city: string | null;
  country: string | null;
}

/** One Point feature of the CMS's `groups.geojson` (RFC 7946: coordinates are `[lng, lat]`). */
export interface GroupFeature {
  geometry?: { coordinates?: unknown };
  properties?: { slug?: unknown; name?: unknown; kind?: unknown; city?: unknown; country?: unknown };
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
const coordinate = (value: unknown, limit: number) =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;

/** The groups of a GeoJSON FeatureCollection; features without a slug, name or valid point are left out. */
export function fromFeatures(features: readonly GroupFeature[]): MapGroup[] {
  return features.flatMap((feature) => {
    const [lng, lat] = Array.isArray(feature.geometry?.coordinates) ? (feature.geometry.coordinates as unknown[]) : [];
    const p = feature.properties ?? {};
    const slug = text(p.slug);
    const name = text(p.name);
    const latitude = coordinate(lat, 90);
    const longitude = coordinate(lng, 180);
    if (!slug || !name || latitude === null || longitude === null) return [];
    return [{ slug, name, kind: text(p.kind) ?? '', lat: latitude, lng: longitude, city: text(p.city), country: text(p.country) }];
  });
}

/** One row of `points.json`: `[slug, name, kind, lat, lng, city, country]`, empty strings for absent places. */
type Row = [string, string, string, number, number, string, string];

/** The body of `/map/points.json`: rows instead of GeoJSON objects, so property names are not repeated 10,000 times. */
export function encodeGroups(groups: readonly MapGroup[]): string {
  const rows = groups.map((g): Row => [g.slug, g.name, g.kind, g.lat, g.lng, g.city ?? '', g.country ?? '']);
  return JSON.stringify({ groups: rows });
}

/** The groups of a `points.json` body; malformed rows are skipped. */
export function decodeGroups(body: unknown): MapGroup[] {
  const rows = (body as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row) => {
    if (!Array.isArray(row)) return [];
    const [slug, name, kind, lat, lng, city, country] = row as unknown[];
    return fromFeatures([{ geometry: { coordinates: [lng, lat] }, properties: { slug, name, kind, city, country } }]);
  });
}

export interface CountrySection {
  /** ISO 3166 alpha-2 code, or null for groups without a country. */
  code: string | null;
  name: string;
  groups: { slug: string; name: string; city: string | null }[];
}

/**
 * The groups by country for the list under the map: countries by their name in the
 * reader's language, groups by name, groups without a country last.
 */
export function groupByCountry(groups: readonly MapGroup[], locale: string): CountrySection[] {
  const collator = sharedCollator(locale);
  const byCode = new Map<string | null, CountrySection>();
  for (const group of groups) {
    const code = group.country?.toUpperCase() ?? null;
    let section = byCode.get(code);
    if (!section) {
      section = { code, name: code ? countryName(code, locale) : '', groups: [] };
      byCode.set(code, section);
    }
    section.groups.push({ slug: group.slug, name: group.name, city: group.city });
  }
  const sections = [...byCode.values()];
  for (const section of sections) section.groups.sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.slug, b.slug));
  return sections.sort((a, b) => {
    if (a.code === null || b.code === null) return a.code === null ? (b.code === null ? 0 : 1) : -1;
    return collator.compare(a.name, b.name);
  });
}
