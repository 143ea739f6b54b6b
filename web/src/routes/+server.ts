import { redirectToLocale, LOCALE_COOKIE } from '$lib/server/locale-redirect';
import type { RequestHandler } from './$types';

export const GET = (({ cookies, request, url }) =>
  redirectToLocale({
    cookie: cookies.get(LOCALE_COOKIE),
    acceptLanguage: request.headers.get('accept-language'),
    search: url.search,
  })) satisfies RequestHandler;
