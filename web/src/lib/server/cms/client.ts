import { env } from '$env/dynamic/private';
import { error } from '@sveltejs/kit';

export type Fetch = typeof fetch;

const DEFAULT_CMS_URL = 'http://127.0.0.1:1337';
export const TIMEOUT_MS = 5000;

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

export type Query = [string, string | number][];

export function cmsUrl(path: string, query: [string, string | number][]): URL {
  const url = new URL(path, env.CMS_URL || DEFAULT_CMS_URL);
  // PostgreSQL text cannot hold a NUL, so no stored value has one: a visitor's NUL (in a
  // search, say) would only make the database refuse the whole query.
  for (const [name, value] of query) url.searchParams.append(name, String(value).replaceAll('\0', ''));
  return url;
}

/** The CMS's public address for uploaded files (the web may reach the CMS by another name). */
export function publicFileUrl(path: string): string {
  return new URL(path, env.PUBLIC_CMS_URL || env.CMS_URL || DEFAULT_CMS_URL).href;
}

/**
 * "Now" as the CMS queries say it: the start of the current minute, so that a query about
 * upcoming or past events reads the same for a minute and its answer can be reused.
 */
export function queryInstant(now: Date = new Date()): string {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
}

export function fields(names: string[], prefix = 'fields'): [string, string][] {
  return names.map((name, index) => [`${prefix}[${index}]`, name]);
}

export function unavailable(url: URL, cause: unknown): never {
  console.warn(`CMS unavailable at ${url.origin}${url.pathname}:`, cause instanceof Error ? cause.message : cause);
  error(503, 'The community directory is temporarily unavailable.');
}

export async function getList<T>(fetch: Fetch, url: URL): Promise<CmsList<T>> {
  const body = await getJson(fetch, url);
  if (!isList(body)) unavailable(url, 'response is not a list');
  return body as CmsList<T>;
}

const MAX_ANSWERS = 2000;

/** CMS answers (or the requests for them) by content version and URL; a new version makes every older answer unreachable. */
const answers = new Map<string, Promise<unknown>>();
/** The content version each request works with, asked once per request (each request has its own fetch). */
const versions = new WeakMap<Fetch, Promise<string | null>>();

async function readContentVersion(fetch: Fetch): Promise<string | null> {
  try {
    const response = await fetch(cmsUrl('/api/community/content-version', []), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return null;
    const body = (await response.json()) as { version?: unknown };
    return typeof body.version === 'string' ? body.version : null;
  } catch {
    return null;
  }
}

/**
 * How long one reading of the content version is trusted (CONTENT_VERSION_TTL_MS, default
 * one second): a published change shows at most that long after it was made, and under
 * load the CMS is asked once a second instead of once a page.
 */
function versionTtl(): number {
  const ttl = Number(env.CONTENT_VERSION_TTL_MS ?? 1000);
  return Number.isFinite(ttl) && ttl >= 0 ? ttl : 1000;
}

let lastReading: { version: Promise<string | null>; at: number } | undefined;

function readRecentContentVersion(fetch: Fetch): Promise<string | null> {
  const now = Date.now();
  if (!lastReading || now - lastReading.at >= versionTtl()) {
    lastReading = { version: readContentVersion(fetch), at: now };
  }
  return lastReading.version;
}

/** The content version a request works with: read once per request, so all its CMS answers agree. */
export function contentVersion(fetch: Fetch): Promise<string | null> {
  let version = versions.get(fetch);
  if (!version) {
    version = readRecentContentVersion(fetch);
    versions.set(fetch, version);
  }
  return version;
}

/**
 * The JSON body of a CMS answer. Answers are reused while the CMS's content version
 * (which every write changes) stays the same, so a page costs the CMS one small request
 * when nothing changed; without a version, nothing is reused. Pages that need the same
 * answer at once wait for one request.
 */
export async function getJson(fetch: Fetch, url: URL): Promise<unknown> {
  const version = await contentVersion(fetch);
  if (version === null) return fetchJson(fetch, url);
  const key = `${version} ${url.href}`;
  let answer = answers.get(key);
  if (!answer) {
    const asked = fetchJson(fetch, url);
    answer = asked;
    answers.set(key, asked);
    if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
    asked.catch(() => {
      if (answers.get(key) === asked) answers.delete(key);
    });
  }
  return structuredClone(await answer);
}

/** The JSON body of a CMS answer: an outage is a 503, a 4xx a bug in this module. */
async function fetchJson(fetch: Fetch, url: URL): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      // The CMS is near: unzipping its answers would cost this server more than the bytes saved.
      headers: { accept: 'application/json', 'accept-encoding': 'identity' },
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

interface SliceBody<T> {
  data: T[];
  meta: { pagination: { total: number } };
}

export async function getSlice<T>(fetch: Fetch, path: string, query: Query): Promise<SliceBody<T>> {
  const url = cmsUrl(path, query);
  const body = (await getJson(fetch, url)) as Partial<SliceBody<T>> | null;
  if (!Array.isArray(body?.data) || typeof body.meta?.pagination?.total !== 'number') unavailable(url, 'response is not a list');
  return body as SliceBody<T>;
}

/** The first item of a list, or null; the CMS is told not to count the rest. */
export async function getFirst<T>(fetch: Fetch, path: string, query: Query): Promise<T | null> {
  const url = cmsUrl(path, [...query, ['pagination[pageSize]', 1], ['pagination[withCount]', 'false']]);
  const body = (await getJson(fetch, url)) as { data?: unknown } | null;
  if (!Array.isArray(body?.data)) unavailable(url, 'response is not a list');
  return (body.data[0] as T | undefined) ?? null;
}

/** Every item of a list, 100 at a time (the CMS's largest page). */
export async function everything<T>(fetch: Fetch, path: string, query: Query): Promise<T[]> {
  const page = (n: number) =>
    getSlice<T>(fetch, path, [...query, ['pagination[page]', n], ['pagination[pageSize]', 100]]);
  const first = await page(1);
  const pages = Math.ceil(first.meta.pagination.total / 100);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(i + 2)));
  return [first, ...rest].flatMap((body) => body.data);
}

export function isFallback(entry: LocalizedEntry, requested: string): boolean {
  return entry.localeFallback ?? entry.locale !== requested;
}
