import { redirect, type Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './cache-policy';

/** The form a session token has: anything else in the cookie is not sent to the CMS. */
const TOKEN = /^chs_[\w-]{20,200}$/;

export function isSessionToken(value: string | undefined): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

/**
 * The cookie's settings: only the website's server reads it (HttpOnly), it goes along on
 * links from other sites but not on their forms (SameSite=Lax), and only over https when
 * the site is served over https.
 */
function options(url: URL) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:' };
}

export function keepSession(cookies: Cookies, url: URL, session: { session: string; expiresAt: string }): void {
  const expires = new Date(session.expiresAt);
  cookies.set(SESSION_COOKIE, session.session, { ...options(url), ...(Number.isNaN(expires.getTime()) ? {} : { expires }) });
}

export function forgetSession(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, options(url));
}

/**
 * `value` when it is a path on this site (one leading `/`, no `//`, no `\`, no control
 * characters), so that a "return to" address can never lead to another site.
 */
export function localPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  try {
    const url = new URL(value, 'http://site.invalid');
    if (url.origin !== 'http://site.invalid') return undefined;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return undefined;
  }
}

/** The visitor's address as the adapter reports it; empty when it cannot tell (the CMS then counts this server). */
export function visitorAddress(getClientAddress: () => string): string {
  try {
    return getClientAddress();
  } catch {
    return '';
  }
}

/**
 * The session token of the signed-in visitor; anyone else is sent to sign in first and
 * brought back to `pathname` afterwards.
 */
export function sessionOrSignIn(locals: App.Locals, locale: string, pathname: string): string {
  if (!locals.session) redirect(303, `/${locale}/sign-in?returnTo=${encodeURIComponent(pathname)}`);
  return locals.session;
}
