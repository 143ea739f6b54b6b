import { LOCALES, negotiateLocale } from '@chapterhouse/config';
import type { Handle } from '@sveltejs/kit';
import { LOCALE_COOKIE } from '$lib/server/locale-redirect';

const ONE_YEAR = 60 * 60 * 24 * 365;

export const handle: Handle = async ({ event, resolve }) => {
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
  if (fromPath && event.cookies.get(LOCALE_COOKIE) !== fromPath) {
    event.cookies.set(LOCALE_COOKIE, fromPath, {
      path: '/',
      maxAge: ONE_YEAR,
      sameSite: 'lax',
      httpOnly: true,
      secure: event.url.protocol === 'https:',
    });
  }

  const dir = LOCALES.find((l) => l.code === locale)?.dir ?? 'ltr';
  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', dir),
  });
};
