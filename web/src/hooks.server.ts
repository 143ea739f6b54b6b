import { LOCALES, negotiateLocale } from '@chapterhouse/config';
import type { Handle } from '@sveltejs/kit';
import { Agent, setGlobalDispatcher } from 'undici';
import { MESSAGES } from '$lib/i18n/messages';
import { registerCatalogs } from '$lib/i18n/translate';
import { cachePolicy, isPersonal, SESSION_COOKIE } from '$lib/server/cache-policy';
import { contentVersion, whoIs } from '$lib/server/cms';
import { lowerCaseSlugAddress } from '$lib/server/canonical-path';
import { LOCALE_COOKIE } from '$lib/server/locale-redirect';
import { isCacheable, PageCache } from '$lib/server/page-cache';
import { withSecurityHeaders } from '$lib/server/security-headers';
import { forgetSession, isSessionToken } from '$lib/server/session';

const ONE_YEAR = 60 * 60 * 24 * 365;

// A CMS process works on one request at a time. Given a new connection per waiting request, a
// burst of pages (the first visits after a publish) opened dozens at once, and the CMS served
// requests on the connections it already had before those: the first pages waited seconds. A
// few kept connections, asked in turn, serve the pages in the order they came.
setGlobalDispatcher(new Agent({ connections: 16 }));

// Server-rendered pages and endpoints may speak any language.
registerCatalogs(MESSAGES);

const pages = new PageCache();

const respond: Handle = async ({ event, resolve }) => {
  // Slugs are lower-case: another spelling of one is the same page at its canonical address.
  const canonical = lowerCaseSlugAddress(event.route.id, event.url, event.params.slug);
  if (canonical) return new Response(null, { status: 308, headers: { location: canonical } });

  const fromPath = event.params.locale;
  // A page no route matches (a 404) still speaks the language its path or the visitor asks for.
  const locale =
    fromPath ??
    negotiateLocale({
      explicit: [event.url.pathname.split('/')[1], event.cookies.get(LOCALE_COOKIE)],
      acceptLanguage: event.request.headers.get('accept-language'),
    });
  event.locals.locale = locale;

  // Remember the language of a visited page so `/` sends the visitor back to it.
  const cookie =
    fromPath && event.cookies.get(LOCALE_COOKIE) !== fromPath
      ? ([
          LOCALE_COOKIE,
          fromPath,
          { path: '/', maxAge: ONE_YEAR, sameSite: 'lax', httpOnly: true, secure: event.url.protocol === 'https:' },
        ] as const)
      : undefined;

  const dir = LOCALES.find((l) => l.code === locale)?.dir ?? 'ltr';
  const render = () =>
    resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', dir),
    });

  // Public pages are reused until the CMS content changes (or the minute turns); a personal one never is.
  const version = isCacheable(event) && !isPersonal(event.request) ? await contentVersion(event.fetch) : null;
  if (version === null) {
    if (cookie) event.cookies.set(...cookie);
    return render();
  }
  // Kept under the address asked for: SvelteKit gives a page's data request (`…/__data.json?x-sveltekit-invalidated=…`)
  // the page's own `event.url`, and the two answers must not stand in for each other.
  const { response, reused } = await pages.serve(version, new URL(event.request.url), () => {
    if (cookie) event.cookies.set(...cookie);
    return render();
  });
  if (reused && cookie) response.headers.append('set-cookie', event.cookies.serialize(...cookie));
  return response;
};

/** `response` with these headers set; a copy when its headers are read-only (a fetched answer passed on). */
function withHeaders(response: Response, headers: [string, string][]): Response {
  if (!headers.length) return response;
  let out = response;
  try {
    for (const [name, value] of headers) out.headers.set(name, value);
  } catch {
    out = new Response(response.body, response);
    for (const [name, value] of headers) out.headers.set(name, value);
  }
  return out;
}

/**
 * Who the session cookie speaks for, asked of the CMS once per request. A session that has
 * ended (or a cookie that is no session) is forgotten; when the CMS cannot say, the visitor
 * is shown signed out for this page and keeps the cookie.
 */
async function identify(event: Parameters<Handle>[0]['event']): Promise<void> {
  event.locals.member = null;
  event.locals.session = null;
  const token = event.cookies.get(SESSION_COOKIE);
  if (token === undefined) return;
  const member = isSessionToken(token) ? await whoIs(event.fetch, token) : null;
  if (member === null) forgetSession(event.cookies, event.url);
  else if (member) {
    event.locals.member = member;
    event.locals.session = token;
  }
}

// Every answer, reused or fresh, page or endpoint, carries the security headers and says who may cache it.
export const handle: Handle = async ({ event, resolve }) => {
  await identify(event);
  const response = withSecurityHeaders(await respond({ event, resolve }), event.url);
  const policy = cachePolicy(response, {
    method: event.request.method,
    personal: isPersonal(event.request),
    shared: isCacheable(event),
    negotiated: event.route.id === '/',
  });
  return withHeaders(response, policy);
};
