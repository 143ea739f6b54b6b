import { env } from '$env/dynamic/private';
import { COUNTRY_CODES, type GroupKind, type GroupStatus } from '@chapterhouse/config';
import { sameLanguage } from '$lib/activity';
import type { GroupApplication } from '$lib/application-form';
import {
  distanceKm,
  namesMatching,
  SEARCHABLE_LANGUAGES,
  statusSlices,
  STATUS_ORDER,
  type DirectoryQuery,
  type LatLng,
} from '$lib/directory-query';
import { freshSeconds } from '$lib/map/conditional';
import type { GroupFeature } from '$lib/map/points';
import type { Revalidation } from '$lib/map/revalidating-cache';
import { error } from '@sveltejs/kit';

export type Fetch = typeof fetch;

const DEFAULT_CMS_URL = 'http://127.0.0.1:1337';
const TIMEOUT_MS = 5000;

/** Pagination as the CMS reports it in `meta.pagination`. */
export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** What every localized entry carries: the locale its text is in, and whether that is a fallback. */
export interface LocalizedEntry {
  id: number;
  documentId: string;
  locale: string;
  localeFallback?: boolean;
}

/** A list response of the CMS (Strapi 5 flat format). */
export interface CmsList<T> {
  data: T[];
  meta: {
    pagination: Pagination;
    locale?: { requested: string; chain: string[] };
  };
}

export interface CmsGroup extends LocalizedEntry {
  name: string;
  slug: string;
  summary: string | null;
  kind: GroupKind;
  state: GroupStatus;
  city: string | null;
  country: string | null;
  languages: string[] | null;
}

export type EventFormat = 'in-person' | 'online' | 'hybrid';

export interface CmsEvent extends LocalizedEntry {
  title: string;
  slug: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  format: EventFormat;
  group: { id: number; documentId: string; name: string; slug: string } | null;
}

/** A group as the pages show it. `locale` is the language of its text; `isFallback` marks text not in the requested locale. */
export interface GroupCard {
  id: string;
  name: string;
  slug: string;
  summary: string | null;
  kind: GroupKind;
  status: GroupStatus;
  city: string | null;
  country: string | null;
  languages: string[];
  locale: string;
  isFallback: boolean;
}

export interface EventCard {
  id: string;
  title: string;
  slug: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  format: EventFormat;
  group: { name: string; slug: string } | null;
  locale: string;
  isFallback: boolean;
  /** Set on events from `listEventSeries`/`getEvent`; the home page's cards go without. */
  allDay?: boolean;
  state?: EventState;
  recurrence?: string | null;
}

export interface GroupPage {
  groups: GroupCard[];
  pagination: Pagination;
}

const GROUP_FIELDS = ['name', 'slug', 'summary', 'kind', 'state', 'city', 'country', 'languages'];
const EVENT_FIELDS = ['title', 'slug', 'startsAt', 'endsAt', 'timezone', 'format'];

function cmsUrl(path: string, query: [string, string | number][]): URL {
  const url = new URL(path, env.CMS_URL || DEFAULT_CMS_URL);
  for (const [name, value] of query) url.searchParams.append(name, String(value));
  return url;
}

function fields(names: string[], prefix = 'fields'): [string, string][] {
  return names.map((name, index) => [`${prefix}[${index}]`, name]);
}

function unavailable(url: URL, cause: unknown): never {
  console.warn(`CMS unavailable at ${url.origin}${url.pathname}:`, cause instanceof Error ? cause.message : cause);
  error(503, 'The community directory is temporarily unavailable.');
}

async function getList<T>(fetch: Fetch, url: URL): Promise<CmsList<T>> {
  const body = await getJson(fetch, url);
  if (!isList(body)) unavailable(url, 'response is not a list');
  return body as CmsList<T>;
}

/** The JSON body of a CMS answer: an outage is a 503, a 4xx a bug in this module. */
async function getJson(fetch: Fetch, url: URL): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    unavailable(url, cause);
  }
  if (response.status >= 500) unavailable(url, `HTTP ${response.status}`);
  if (!response.ok) {
    // A 4xx means this module asked for something the CMS does not allow: a bug here, not an outage.
    throw new Error(`CMS answered ${response.status} to ${url.pathname}${url.search}`);
  }
  try {
    return await response.json();
  } catch (cause) {
    unavailable(url, cause);
  }
}

function isList(body: unknown): body is CmsList<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const { data, meta } = body as Partial<CmsList<unknown>>;
  return Array.isArray(data) && typeof meta?.pagination?.page === 'number';
}

function isFallback(entry: LocalizedEntry, requested: string): boolean {
  return entry.localeFallback ?? entry.locale !== requested;
}

export function toGroupCard(group: CmsGroup, requested: string): GroupCard {
  return {
    id: group.documentId,
    name: group.name,
    slug: group.slug,
    summary: group.summary ?? null,
    kind: group.kind,
    status: group.state,
    city: group.city ?? null,
    country: group.country ?? null,
    languages: Array.isArray(group.languages) ? group.languages : [],
    locale: group.locale,
    isFallback: isFallback(group, requested),
  };
}

export function toEventCard(event: CmsEvent, requested: string): EventCard {
  return {
    id: event.documentId,
    title: event.title,
    slug: event.slug,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timezone: event.timezone,
    format: event.format,
    group: event.group ? { name: event.group.name, slug: event.group.slug } : null,
    locale: event.locale,
    isFallback: isFallback(event, requested),
  };
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

/** The next `limit` events that start from `now` on, soonest first. */
export async function listUpcomingEvents(
  fetch: Fetch,
  options: { locale: string; limit: number; now?: Date },
): Promise<EventCard[]> {
  const url = cmsUrl('/api/events', [
    ['locale', options.locale],
    ['filters[startsAt][$gte]', (options.now ?? new Date()).toISOString()],
    ['sort[0]', 'startsAt:asc'],
    ['pagination[pageSize]', options.limit],
    ...fields(EVENT_FIELDS),
    ...fields(['name', 'slug'], 'populate[group][fields]'),
  ]);
  const body = await getList<CmsEvent>(fetch, url);
  return body.data.map((event) => toEventCard(event, options.locale));
}

// ── Directory, group pages, regions, editors' pages, the application form ──

/** A group card with its distance from the visitor, when the list is sorted by distance. */
export interface DirectoryGroup extends GroupCard {
  distanceKm?: number;
}

export interface DirectoryPage {
  groups: DirectoryGroup[];
  pagination: Pagination;
}

type Query = [string, string | number][];

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

interface SliceBody<T> {
  data: T[];
  meta: { pagination: { total: number } };
}

async function getSlice<T>(fetch: Fetch, path: string, query: Query): Promise<SliceBody<T>> {
  const url = cmsUrl(path, query);
  const body = (await getJson(fetch, url)) as Partial<SliceBody<T>> | null;
  if (!Array.isArray(body?.data) || typeof body.meta?.pagination?.total !== 'number') unavailable(url, 'response is not a list');
  return body as SliceBody<T>;
}

async function groupCards(fetch: Fetch, locale: string, query: Query): Promise<{ cards: GroupCard[]; total: number }> {
  const body = await getSlice<CmsGroup>(fetch, '/api/groups', [['locale', locale], ...query, ...fields(GROUP_FIELDS)]);
  return { cards: body.data.map((group) => toGroupCard(group, locale)), total: body.meta.pagination.total };
}

/** Every item of a list, 100 at a time (the CMS's largest page). */
async function everything<T>(fetch: Fetch, path: string, query: Query): Promise<T[]> {
  const page = (n: number) =>
    getSlice<T>(fetch, path, [...query, ['pagination[page]', n], ['pagination[pageSize]', 100]]);
  const first = await page(1);
  const pages = Math.ceil(first.meta.pagination.total / 100);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(i + 2)));
  return [first, ...rest].flatMap((body) => body.data);
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

export interface RegionSummary {
  slug: string;
  name: string;
}

/** Every region, by name, for the directory's region filter. */
export async function listRegions(fetch: Fetch, locale: string): Promise<RegionSummary[]> {
  const body = await getSlice<{ slug: string; name: string }>(fetch, '/api/regions', [
    ['locale', locale],
    ...fields(['slug', 'name']),
    ['pagination[pageSize]', 100],
  ]);
  return body.data
    .map(({ slug, name }) => ({ slug, name }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

export interface ResourceLink {
  type: string;
  title: string;
  url: string;
  language: string | null;
}

export interface WorkingGroupDetails {
  scope: string | null;
  chairs: { name: string; affiliation: string | null }[];
  meetingNotesUrl: string | null;
  repositoryUrl: string | null;
  channels: { kind: string; label: string; url: string }[];
}

export interface GroupDetail extends GroupCard {
  description: string | null;
  website: string | null;
  timezone: string | null;
  latitude: number | null;
  longitude: number | null;
  region: RegionSummary | null;
  resources: ResourceLink[];
  workingGroup: WorkingGroupDetails | null;
}

interface CmsGroupDetail extends CmsGroup {
  description: string | null;
  website: string | null;
  timezone: string | null;
  latitude: number | null;
  longitude: number | null;
  region: { slug: string; name: string } | null;
  resources?: { type: string; title: string; url: string; language: string | null }[];
  workingGroup?: {
    scope: string | null;
    chairs?: { name: string; affiliation?: string | null }[];
    meetingNotesUrl?: string | null;
    repositoryUrl?: string | null;
    channels?: { kind: string; label: string; url: string }[];
  } | null;
}

const DETAIL_POPULATE: Query = [
  ...fields(['slug', 'name'], 'populate[region][fields]'),
  ...fields(['type', 'title', 'url', 'language'], 'populate[resources][fields]'),
  ['populate[workingGroup][populate][0]', 'chairs'],
  ['populate[workingGroup][populate][1]', 'channels'],
];

function toWorkingGroup(raw: CmsGroupDetail['workingGroup']): WorkingGroupDetails | null {
  if (!raw) return null;
  return {
    scope: raw.scope ?? null,
    chairs: (raw.chairs ?? []).map((chair) => ({ name: chair.name, affiliation: chair.affiliation ?? null })),
    meetingNotesUrl: raw.meetingNotesUrl ?? null,
    repositoryUrl: raw.repositoryUrl ?? null,
    channels: (raw.channels ?? []).map(({ kind, label, url }) => ({ kind, label, url })),
  };
}

function toGroupDetail(group: CmsGroupDetail, locale: string): GroupDetail {
  return {
    ...toGroupCard(group, locale),
    description: group.description ?? null,
    website: group.website ?? null,
    timezone: group.timezone ?? null,
    latitude: group.latitude ?? null,
    longitude: group.longitude ?? null,
    region: group.region ? { slug: group.region.slug, name: group.region.name } : null,
    resources: (group.resources ?? []).map(({ type, title, url, language }) => ({ type, title, url, language: language ?? null })),
    workingGroup: toWorkingGroup(group.workingGroup),
  };
}

/** One group by slug with everything its page shows, or null when there is none. */
export async function getGroup(fetch: Fetch, slug: string, locale: string): Promise<GroupDetail | null> {
  const body = await getSlice<CmsGroupDetail>(fetch, '/api/groups', [
    ['locale', locale],
    ['filters[slug][$eq]', slug],
    ...DETAIL_POPULATE,
    ['pagination[pageSize]', 1],
  ]);
  const [group] = body.data;
  return group ? toGroupDetail(group, locale) : null;
}

/** A group's events around `now`: the next ones soonest first, the past ones latest first. */
export async function listGroupEvents(
  fetch: Fetch,
  options: { locale: string; groupSlug: string; limit: number; now?: Date },
): Promise<{ upcoming: EventCard[]; past: EventCard[] }> {
  const now = (options.now ?? new Date()).toISOString();
  const list = (operator: '$gte' | '$lt', order: 'asc' | 'desc') =>
    getSlice<CmsEvent>(fetch, '/api/events', [
      ['locale', options.locale],
      ['filters[group][slug][$eq]', options.groupSlug],
      [`filters[endsAt][${operator}]`, now],
      ['sort[0]', `startsAt:${order}`],
      ['pagination[pageSize]', options.limit],
      ...fields(EVENT_FIELDS),
      ...fields(['name', 'slug'], 'populate[group][fields]'),
    ]);
  const [upcoming, past] = await Promise.all([list('$gte', 'asc'), list('$lt', 'desc')]);
  return {
    upcoming: upcoming.data.map((event) => toEventCard(event, options.locale)),
    past: past.data.map((event) => toEventCard(event, options.locale)),
  };
}

/** Every working group with its details, by name. */
export async function listWorkingGroups(fetch: Fetch, locale: string): Promise<GroupDetail[]> {
  const rows = await everything<CmsGroupDetail>(fetch, '/api/groups', [
    ['locale', locale],
    ['filters[kind][$eq]', 'working-group'],
    ['sort[0]', 'name:asc'],
    ...fields([...GROUP_FIELDS, 'description', 'website', 'timezone', 'latitude', 'longitude']),
    ...DETAIL_POPULATE,
  ]);
  return rows.map((group) => toGroupDetail(group, locale));
}

export interface RegionContact {
  name: string;
  role: string | null;
  email: string | null;
  url: string | null;
}

export interface RegionDetail extends RegionSummary {
  countries: string[];
  contacts: RegionContact[];
  groups: GroupCard[];
  locale: string;
  isFallback: boolean;
}

/** A region with its points of contact and its groups, or null when there is none. */
export async function getRegion(fetch: Fetch, slug: string, locale: string): Promise<RegionDetail | null> {
  const body = await getSlice<
    LocalizedEntry & { slug: string; name: string; countries: string[] | null; contacts?: (RegionContact & { id: number })[] }
  >(fetch, '/api/regions', [
    ['locale', locale],
    ['filters[slug][$eq]', slug],
    ['populate[contacts]', 'true'],
    ['pagination[pageSize]', 1],
  ]);
  const [region] = body.data;
  if (!region) return null;
  const groups = await everything<CmsGroup>(fetch, '/api/groups', [
    ['locale', locale],
    ['filters[region][slug][$eq]', slug],
    ['sort[0]', 'name:asc'],
    ...fields(GROUP_FIELDS),
  ]);
  return {
    slug: region.slug,
    name: region.name,
    countries: Array.isArray(region.countries) ? region.countries : [],
    contacts: (region.contacts ?? []).map(({ name, role, email, url }) => ({ name, role: role ?? null, email: email ?? null, url: url ?? null })),
    groups: groups.map((group) => toGroupCard(group, locale)),
    locale: region.locale,
    isFallback: isFallback(region, locale),
  };
}

export interface Attachment {
  name: string;
  url: string;
  mime: string;
  /** Bytes. */
  size: number;
}

export interface PageDetail {
  slug: string;
  title: string;
  summary: string | null;
  body: string | null;
  category: string;
  attachments: Attachment[];
  locale: string;
  isFallback: boolean;
  updatedAt: string;
}

/** The CMS's public address for uploaded files (the web may reach the CMS by another name). */
function publicFileUrl(path: string): string {
  return new URL(path, env.PUBLIC_CMS_URL || env.CMS_URL || DEFAULT_CMS_URL).href;
}

/** An editor's page by slug, or null when there is none. */
export async function getPage(fetch: Fetch, slug: string, locale: string): Promise<PageDetail | null> {
  const body = await getSlice<
    LocalizedEntry & {
      slug: string;
      title: string;
      summary: string | null;
      body: string | null;
      category: string;
      updatedAt: string;
      attachments?: { name: string; url: string; mime: string; size: number }[] | null;
    }
  >(fetch, '/api/pages', [
    ['locale', locale],
    ['filters[slug][$eq]', slug],
    ['populate[attachments][fields][0]', 'name'],
    ['populate[attachments][fields][1]', 'url'],
    ['populate[attachments][fields][2]', 'mime'],
    ['populate[attachments][fields][3]', 'size'],
    ['pagination[pageSize]', 1],
  ]);
  const [page] = body.data;
  if (!page) return null;
  return {
    slug: page.slug,
    title: page.title,
    summary: page.summary ?? null,
    body: page.body ?? null,
    category: page.category,
    // Strapi reports sizes in kilobytes.
    attachments: (page.attachments ?? []).map((file) => ({
      name: file.name,
      url: publicFileUrl(file.url),
      mime: file.mime,
      size: Math.round(file.size * 1000),
    })),
    locale: page.locale,
    isFallback: isFallback(page, locale),
    updatedAt: page.updatedAt,
  };
}

/** Groups whose events happened most recently, most recent first. */
export async function listRecentlyActiveGroups(fetch: Fetch, options: { locale: string; limit: number; now?: Date }): Promise<GroupCard[]> {
  const events = await getSlice<{ group: { slug: string } | null }>(fetch, '/api/events', [
    ['filters[startsAt][$lte]', (options.now ?? new Date()).toISOString()],
    ['sort[0]', 'startsAt:desc'],
    ['pagination[pageSize]', 50],
    ...fields(['slug']),
    ...fields(['slug'], 'populate[group][fields]'),
  ]);
  const slugs = [...new Set(events.data.flatMap((event) => (event.group ? [event.group.slug] : [])))].slice(0, options.limit);
  if (!slugs.length) return [];
  const { cards } = await groupCards(fetch, options.locale, [
    ...slugs.map((slug, i): [string, string] => [`filters[slug][$in][${i}]`, slug]),
    ['pagination[pageSize]', slugs.length],
  ]);
  const bySlug = new Map(cards.map((card) => [card.slug, card]));
  return slugs.flatMap((slug) => bySlug.get(slug) ?? []);
}

/** Something new in the community; `language` is the language it happens in. */
export type ActivityItem =
  | { kind: 'group'; at: string; language: string | null; group: GroupCard }
  | { kind: 'event'; at: string; language: string | null; event: EventCard };

/** The latest new groups and events, newest first (the page orders them by language). */
export async function listLatestActivity(fetch: Fetch, options: { locale: string; limit: number }): Promise<ActivityItem[]> {
  const [groups, events] = await Promise.all([
    getSlice<CmsGroup & { createdAt: string }>(fetch, '/api/groups', [
      ['locale', options.locale],
      ['sort[0]', 'createdAt:desc'],
      ['pagination[pageSize]', options.limit],
      ...fields([...GROUP_FIELDS, 'createdAt']),
    ]),
    getSlice<CmsEvent & { createdAt: string; language: string | null }>(fetch, '/api/events', [
      ['locale', options.locale],
      ['sort[0]', 'createdAt:desc'],
      ['pagination[pageSize]', options.limit],
      ...fields([...EVENT_FIELDS, 'createdAt', 'language']),
      ...fields(['name', 'slug'], 'populate[group][fields]'),
    ]),
  ]);
  const items: ActivityItem[] = [
    ...groups.data.map((group): ActivityItem => ({
      kind: 'group',
      at: group.createdAt,
      // A group speaking the visitor's language counts as in it, whatever its first language.
      language: group.languages?.find((tag) => sameLanguage(tag, options.locale)) ?? group.languages?.[0] ?? null,
      group: toGroupCard(group, options.locale),
    })),
    ...events.data.map((event): ActivityItem => ({
      kind: 'event',
      at: event.createdAt,
      language: event.language ?? null,
      event: toEventCard(event, options.locale),
    })),
  ];
  return items.sort((a, b) => b.at.localeCompare(a.at));
}

/** Every public page's slug and last change, for the sitemap. */
export async function listSitemapEntries(
  fetch: Fetch,
): Promise<Record<'groups' | 'events' | 'pages' | 'regions', { slug: string; updatedAt: string }[]>> {
  const slugs = (path: string) => everything<{ slug: string; updatedAt: string }>(fetch, path, [...fields(['slug', 'updatedAt']), ['sort[0]', 'slug:asc']]);
  const [groups, events, pages, regions] = await Promise.all([
    slugs('/api/groups'),
    slugs('/api/events'),
    slugs('/api/pages'),
    slugs('/api/regions'),
  ]);
  const pick = (rows: { slug: string; updatedAt: string }[]) => rows.map(({ slug, updatedAt }) => ({ slug, updatedAt }));
  return { groups: pick(groups), events: pick(events), pages: pick(pages), regions: pick(regions) };
}

export type ApplicationResult =
  | { ok: true }
  | { ok: false; status: 400; message: string }
  | { ok: false; status: 429; message: string };

/** Sends a "start a group" application to the CMS on the visitor's behalf. */
export async function submitGroupApplication(fetch: Fetch, application: GroupApplication): Promise<ApplicationResult> {
  const url = cmsUrl('/api/group-applications', []);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ data: application }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    unavailable(url, cause);
  }
  if (response.status === 201) return { ok: true };
  const body = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
  const message = typeof body?.error?.message === 'string' ? body.error.message : '';
  if (response.status === 400 || response.status === 429) return { ok: false, status: response.status, message };
  unavailable(url, `HTTP ${response.status}`);
}

export type EventState = 'scheduled' | 'cancelled' | 'postponed';

/** An event with what placing its next occurrence needs. */
export interface EventSeries extends EventCard {
  allDay: boolean;
  state: EventState;
  recurrence: string | null;
  exceptionDates: string[];
  language: string | null;
}

export interface EventDetail extends EventSeries {
  description: string | null;
  type: string;
  venue: { name: string | null; address: string | null; latitude: number | null; longitude: number | null } | null;
  onlineUrl: string | null;
  registrationUrl: string | null;
}

/** Filters of the events list the CMS applies; `language` is applied by the caller so it can offer the choices. */
export interface EventQuery {
  region?: string;
  kind?: GroupKind;
  format?: EventFormat;
  q?: string;
}

interface CmsEventSeries extends CmsEvent {
  allDay: boolean | null;
  state: EventState;
  recurrence: string | null;
  exceptionDates: unknown;
  language: string | null;
}

interface CmsEventDetail extends CmsEventSeries {
  description: string | null;
  type: string;
  venue: EventDetail['venue'];
  onlineUrl: string | null;
  registrationUrl: string | null;
}

const SERIES_FIELDS = [...EVENT_FIELDS, 'allDay', 'state', 'recurrence', 'exceptionDates', 'language'];
const DETAIL_FIELDS = [...SERIES_FIELDS, 'description', 'type', 'onlineUrl', 'registrationUrl'];

function toEventSeries(event: CmsEventSeries, requested: string): EventSeries {
  return {
    ...toEventCard(event, requested),
    allDay: event.allDay === true,
    state: event.state,
    recurrence: event.recurrence || null,
    exceptionDates: Array.isArray(event.exceptionDates) ? event.exceptionDates.map(String) : [],
    language: event.language || null,
  };
}

function eventFilters(query: EventQuery): [string, string][] {
  const filters: [string, string][] = [];
  if (query.region) filters.push(['filters[group][region][slug][$eq]', query.region]);
  if (query.kind) filters.push(['filters[group][kind][$eq]', query.kind]);
  if (query.format) filters.push(['filters[format][$eq]', query.format]);
  if (query.q) {
    // Text filters match the English version of each event (the CMS filters on default-locale rows).
    filters.push(['filters[$or][0][title][$containsi]', query.q]);
    filters.push(['filters[$or][1][description][$containsi]', query.q]);
    filters.push(['filters[$or][2][group][name][$containsi]', query.q]);
  }
  return filters;
}

async function getAllPages<T>(fetch: Fetch, query: [string, string | number][]): Promise<T[]> {
  const page = (n: number) => getList<T>(fetch, cmsUrl('/api/events', [...query, ['pagination[page]', n], ['pagination[pageSize]', 100]]));
  const first = await page(1);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, first.meta.pagination.pageCount - 1) }, (_, i) => page(i + 2)),
  );
  return [first, ...rest].flatMap((body) => body.data);
}

/**
 * Every event that may still occur after `now`: one-off events not yet over and every
 * recurring series (whose next date the caller works out). Sorted by the CMS by first start.
 */
export async function listEventSeries(
  fetch: Fetch,
  options: { locale: string; now?: Date; query?: EventQuery },
): Promise<EventSeries[]> {
  const common: [string, string][] = [
    ['locale', options.locale],
    ['sort[0]', 'startsAt:asc'],
    ...eventFilters(options.query ?? {}),
    ...fields(SERIES_FIELDS),
    ...fields(['name', 'slug'], 'populate[group][fields]'),
  ];
  const [oneOff, recurring] = await Promise.all([
    getAllPages<CmsEventSeries>(fetch, [
      ...common,
      ['filters[endsAt][$gte]', (options.now ?? new Date()).toISOString()],
      ['filters[recurrence][$null]', 'true'],
    ]),
    getAllPages<CmsEventSeries>(fetch, [...common, ['filters[recurrence][$notNull]', 'true']]),
  ]);
  return [...oneOff, ...recurring].map((event) => toEventSeries(event, options.locale));
}

/** One event by slug or documentId, with its venue and group; null when there is none. */
export async function getEvent(fetch: Fetch, options: { locale: string; id: string }): Promise<EventDetail | null> {
  const url = cmsUrl('/api/events', [
    ['locale', options.locale],
    ['filters[$or][0][slug][$eq]', options.id],
    ['filters[$or][1][documentId][$eq]', options.id],
    ['pagination[pageSize]', 1],
    ...fields(DETAIL_FIELDS),
    ...fields(['name', 'slug'], 'populate[group][fields]'),
    ...fields(['name', 'address', 'latitude', 'longitude'], 'populate[venue][fields]'),
  ]);
  const [event] = (await getList<CmsEventDetail>(fetch, url)).data;
  if (!event) return null;
  return {
    ...toEventSeries(event, options.locale),
    description: event.description ?? null,
    type: event.type,
    venue: event.venue ?? null,
    onlineUrl: event.onlineUrl || null,
    registrationUrl: event.registrationUrl || null,
  };
}

/** The regions to choose from, by name in `locale`. */
export async function listRegionChoices(fetch: Fetch, locale: string): Promise<{ slug: string; name: string }[]> {
  const url = cmsUrl('/api/regions', [
    ['locale', locale],
    ['sort[0]', 'name:asc'],
    ['pagination[pageSize]', 100],
    ...fields(['name', 'slug']),
  ]);
  const body = await getList<{ slug: string; name: string }>(fetch, url);
  return body.data.map(({ slug, name }) => ({ slug, name }));
}
