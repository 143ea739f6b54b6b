import { env } from '$env/dynamic/private';

/**
 * The cookie that carries a signed-in visitor's session. A request with it, or with an
 * Authorization header, is personal: it is rendered for that visitor alone, and no cache
 * (the website's own or a shared one in front) keeps the answer.
 */
export const SESSION_COOKIE = 'chapterhouse_session';

const PERSONAL = 'private, no-store';

/** Whether a request speaks for someone: a session cookie or credentials. */
export function isPersonal(request: Request): boolean {
  if (request.headers.get('authorization')) return true;
  const cookies = request.headers.get('cookie') ?? '';
  return cookies.split(';').some((pair) => pair.trim().split('=')[0] === SESSION_COOKIE);
}

function seconds(value: string | undefined, fallback: number): number {
  const number = Number(value ?? fallback);
  return Number.isInteger(number) && number >= 0 ? number : fallback;
}

/**
 * What an anonymous public page lets caches do: browsers revalidate it every time; a shared
 * cache (CDN, reverse proxy) keeps it SHARED_CACHE_MAX_AGE seconds, then serves it while it
 * fetches a fresh copy for SHARED_CACHE_STALE_WHILE_REVALIDATE more.
 */
export function sharedCacheControl(): string {
  const maxAge = seconds(env.SHARED_CACHE_MAX_AGE, 10);
  const stale = seconds(env.SHARED_CACHE_STALE_WHILE_REVALIDATE, 30);
  return maxAge > 0 ? `public, max-age=0, s-maxage=${maxAge}, stale-while-revalidate=${stale}` : 'public, max-age=0, must-revalidate';
}

/**
 * The Cache-Control (and Vary) an answer leaves with. Personal requests and answers that set a
 * cookie are private and never stored; public pages the website reuses for everyone may be
 * kept by a shared cache; other pages (forms with their own stamp, the language choice at `/`)
 * are not stored. A Cache-Control the route chose itself stays, unless the answer is personal.
 */
export function cachePolicy(
  response: Response,
  request: { method: string; personal: boolean; shared: boolean; negotiated: boolean },
): [string, string][] {
  if (request.personal || response.headers.has('set-cookie')) return [['cache-control', PERSONAL]];
  if (response.headers.has('cache-control') || !['GET', 'HEAD'].includes(request.method)) return [];
  if (request.negotiated) return [['cache-control', 'no-store'], ['vary', 'Accept-Language, Cookie']];
  if (request.shared && (response.status === 200 || response.status === 404)) return [['cache-control', sharedCacheControl()]];
  return [['cache-control', 'no-store']];
}
