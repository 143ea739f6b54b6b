import { COUNTRY_CODES, freshSeconds } from '@chapterhouse/config';
import { namesMatching, SEARCHABLE_LANGUAGES, type DirectoryQuery } from '$lib/directory-query';
import type { GroupFeature } from '$lib/map/points';
import type { Revalidation } from '$lib/map/revalidating-cache';
import { GROUP_FIELDS, toGroupCard, type CmsGroup, type GroupCard } from './cards';
import { cmsUrl, fields, getList, TIMEOUT_MS, unavailable, type Fetch, type Pagination, type Query } from './client';

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
 * The CMS matches a language filter against whole tags, so `en` does not find `en-GB`.
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
      or.push([`filters[$or][${4 + i}][languages][$contains]`, tag]),
    );
    params.push(...or);
  }
  if (query.country) params.push(['filters[country][$eq]', query.country]);
  if (query.region) params.push(['filters[region][slug][$eq]', query.region]);
  if (query.language) params.push(['filters[languages][$contains]', query.language]);
  if (query.kind) params.push(['filters[kind][$eq]', query.kind]);
  if (query.status) params.push(['filters[state][$eq]', query.status]);
  return params;
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

/** Four decimals are about 10 m: the same point asks the same question, so the CMS's answer is reused. */
const coordinate = (value: number) => String(Math.round(value * 1e4) / 1e4);

/**
 * One page of the directory, in one CMS request: sorted by status (active, forming,
 * dormant, archived), then name; or, with `near`, by distance (groups without coordinates
 * last), each with its distance. The CMS filters, orders, counts and measures.
 */
export async function searchGroups(
  fetch: Fetch,
  options: { locale: string; query: DirectoryQuery; pageSize: number },
): Promise<DirectoryPage> {
  const { locale, query, pageSize } = options;
  const order: Query = query.near
    ? [['near', `${coordinate(query.near.lat)},${coordinate(query.near.lng)}`]]
    : [
        ['sort[0]', 'stateOrder:asc'],
        ['sort[1]', 'name:asc'],
        ['sort[2]', 'id:asc'],
      ];
  const url = cmsUrl('/api/groups', [
    ['locale', locale],
    ...directoryFilters(query, locale),
    ...order,
    ['pagination[page]', query.page],
    ['pagination[pageSize]', pageSize],
    ...fields(GROUP_FIELDS),
  ]);
  const body = await getList<CmsGroup & { distanceKm?: number | null }>(fetch, url);
  return {
    groups: body.data.map((group) => {
      const card = toGroupCard(group, locale);
      return typeof group.distanceKm === 'number' ? { ...card, distanceKm: group.distanceKm } : card;
    }),
    pagination: body.meta.pagination,
  };
}
