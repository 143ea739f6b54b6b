import { COUNTRY_CODES, type GroupStatus } from '@chapterhouse/config';
import {
  distanceKm,
  namesMatching,
  SEARCHABLE_LANGUAGES,
  statusSlices,
  STATUS_ORDER,
  type DirectoryQuery,
  type LatLng,
} from '$lib/directory-query';
import { freshSeconds } from '@chapterhouse/config';
import type { GroupFeature } from '$lib/map/points';
import type { Revalidation } from '$lib/map/revalidating-cache';
import { GROUP_FIELDS, groupCards, toGroupCard, type CmsGroup, type GroupCard } from './cards';
import {
  cmsUrl,
  everything,
  fields,
  getList,
  getSlice,
  TIMEOUT_MS,
  unavailable,
  type Fetch,
  type Pagination,
  type Query,
} from './client';

export interface GroupPage {
  groups: GroupCard[];
  pagination: Pagination;
}

/** One page of groups, sorted by name, with their text in `locale` or its fallback. */
export async function listGroups(
  fetch: Fetch,
  options: { locale: string; page: number; pageSize: number },
): Promise<GroupPage> {
  const url = cmsUrl('/api/groups', [
    ['locale', options.locale],
    ['pagination[page]', options.page],
    ['pagination[pageSize]', options.pageSize],
    ['sort[0]', 'name:asc'],
    ...fields(GROUP_FIELDS),
  ]);
  const body = await getList<CmsGroup>(fetch, url);
  return {
    groups: body.data.map((group) => toGroupCard(group, options.locale)),
    pagination: body.meta.pagination,
  };
}

/** A group card with its distance from the visitor, when the list is sorted by distance. */
export interface DirectoryGroup extends GroupCard {
  distanceKm?: number;
}

export interface DirectoryPage {
  groups: DirectoryGroup[];
  pagination: Pagination;
}

/**
 * The CMS filters for a directory query. `q` looks at the name, city and summary (the
 * CMS filters on the English rows, so summaries are searched in English), at countries
 * and spoken languages whose names in the visitor's language or English match it.
 * A language filter matches the quoted tag inside the JSON list, so `en` does not find
 * `en-GB` or `ken`; `$containsi` works on SQLite and on PostgreSQL's jsonb (cast to text).
 */
export function directoryFilters(query: Omit<DirectoryQuery, 'page' | 'near'>, locale: string): Query {
  const params: Query = [];
  if (query.q) {
    const or: Query = [
      ['filters[$or][0][name][$containsi]', query.q],
      ['filters[$or][1][city][$containsi]', query.q],
      ['filters[$or][2][summary][$containsi]', query.q],
    ];
    // Capped well below the CMS's query-string array limit (100).
    const countries = namesMatching(query.q, locale, COUNTRY_CODES, 'region').slice(0, 40);
    countries.forEach((code, i) => or.push([`filters[$or][3][country][$in][${i}]`, code]));
    namesMatching(query.q, locale, SEARCHABLE_LANGUAGES, 'language').slice(0, 40).forEach((tag, i) =>
      or.push([`filters[$or][${4 + i}][languages][$containsi]`, `"${tag}"`]),
    );
    params.push(...or);
  }
  if (query.country) params.push(['filters[country][$eq]', query.country]);
  if (query.region) params.push(['filters[region][slug][$eq]', query.region]);
  if (query.language) params.push(['filters[languages][$containsi]', `"${query.language}"`]);
  if (query.kind) params.push(['filters[kind][$eq]', query.kind]);
  if (query.status) params.push(['filters[state][$eq]', query.status]);
  return params;
}

/**
 * The coordinates of every group that has them, by slug: from the community plugin's
 * GeoJSON endpoint when the CMS has it, else from the group list.
 */
export async function listGroupPoints(fetch: Fetch): Promise<Map<string, LatLng>> {
  const points = new Map<string, LatLng>();
  const url = cmsUrl('/api/community/groups.geojson', []);
  let geojson: Response | undefined;
  try {
    geojson = await fetch(url, { headers: { accept: 'application/geo+json, application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    geojson = undefined;
  }
  if (geojson?.ok) {
    const body = (await geojson.json().catch(() => null)) as {
      features?: { geometry?: { coordinates?: unknown }; properties?: { slug?: unknown } }[];
    } | null;
    for (const feature of body?.features ?? []) {
      const [lng, lat] = Array.isArray(feature.geometry?.coordinates) ? feature.geometry.coordinates : [];
      const slug = feature.properties?.slug;
      if (typeof slug === 'string' && typeof lat === 'number' && typeof lng === 'number') points.set(slug, { lat, lng });
    }
    return points;
  }
  const rows = await everything<{ slug: string; latitude: number | null; longitude: number | null }>(fetch, '/api/groups', [
    ...fields(['slug', 'latitude', 'longitude']),
    ['sort[0]', 'id:asc'],
  ]);
  for (const row of rows) {
    if (typeof row.latitude === 'number' && typeof row.longitude === 'number') points.set(row.slug, { lat: row.latitude, lng: row.longitude });
  }
  return points;
}

/**
 * The features of the community plugin's GeoJSON (every group with a place), asked
 * conditionally: given the ETag of the copy held, a 304 says that copy is still current.
 */
export async function getGroupFeatures(fetch: Fetch, etag: string | null): Promise<Revalidation<GroupFeature[]>> {
  const url = cmsUrl('/api/community/groups.geojson', []);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/geo+json, application/json', ...(etag ? { 'if-none-match': etag } : {}) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    unavailable(url, cause);
  }
  const fresh = freshSeconds(response.headers.get('cache-control'));
  if (response.status === 304) return { status: 304, freshSeconds: fresh };
  if (response.status >= 500) unavailable(url, `HTTP ${response.status}`);
  if (!response.ok) throw new Error(`CMS answered ${response.status} to ${url.pathname}`);
  const body = (await response.json().catch(() => null)) as { features?: unknown } | null;
  if (!Array.isArray(body?.features)) unavailable(url, 'response is not a FeatureCollection');
  return { status: 200, etag: response.headers.get('etag'), freshSeconds: fresh, value: body.features as GroupFeature[] };
}

/**
 * One page of the directory. Sorted by status (active, forming, dormant, archived),
 * then name; or, with `near`, by distance (groups without coordinates last).
 */
export async function searchGroups(
  fetch: Fetch,
  options: { locale: string; query: DirectoryQuery; pageSize: number },
): Promise<DirectoryPage> {
  const { locale, query, pageSize } = options;
  const filters = directoryFilters(query, locale);
  const paginate = (total: number): Pagination => ({
    page: query.page,
    pageSize,
    pageCount: Math.ceil(total / pageSize),
    total,
  });

  if (query.near) {
    const near = query.near;
    const [points, matching] = await Promise.all([
      listGroupPoints(fetch),
      everything<{ slug: string; name: string }>(fetch, '/api/groups', [...filters, ...fields(['slug', 'name']), ['sort[0]', 'name:asc']]),
    ]);
    const ranked = matching
      .map((group) => {
        const point = points.get(group.slug);
        return { slug: group.slug, distance: point ? distanceKm(near, point) : Infinity };
      })
      .sort((a, b) => a.distance - b.distance);
    const slice = ranked.slice((query.page - 1) * pageSize, query.page * pageSize);
    if (!slice.length) return { groups: [], pagination: paginate(ranked.length) };
    const { cards } = await groupCards(fetch, locale, [
      ...slice.map((entry, i): [string, string] => [`filters[slug][$in][${i}]`, entry.slug]),
      ['pagination[pageSize]', pageSize],
    ]);
    const bySlug = new Map(cards.map((card) => [card.slug, card]));
    const groups = slice.flatMap((entry) => {
      const card = bySlug.get(entry.slug);
      if (!card) return [];
      return [Number.isFinite(entry.distance) ? { ...card, distanceKm: entry.distance } : card];
    });
    return { groups, pagination: paginate(ranked.length) };
  }

  const statuses = query.status ? [query.status] : STATUS_ORDER;
  const counts = Object.fromEntries(
    await Promise.all(
      statuses.map(async (status) => {
        const { meta } = await getSlice(fetch, '/api/groups', [
          ...directoryFilters({ ...query, status }, locale),
          ...fields(['slug']),
          ['pagination[page]', 1],
          ['pagination[pageSize]', 1],
        ]);
        return [status, meta.pagination.total] as const;
      }),
    ),
  ) as Partial<Record<GroupStatus, number>>;
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const slices = await Promise.all(
    statusSlices(counts, query.page, pageSize).map(({ status, start, limit }) =>
      groupCards(fetch, locale, [
        ...directoryFilters({ ...query, status }, locale),
        ['sort[0]', 'name:asc'],
        ['sort[1]', 'id:asc'],
        ['pagination[start]', start],
        ['pagination[limit]', limit],
      ]),
    ),
  );
  return { groups: slices.flatMap((slice) => slice.cards), pagination: paginate(total) };
}
