import { env } from '$env/dynamic/private';
import type { GroupKind, GroupStatus } from '@chapterhouse/config';
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
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    unavailable(url, cause);
  }
  if (!isList(body)) unavailable(url, 'response is not a list');
  return body as CmsList<T>;
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
