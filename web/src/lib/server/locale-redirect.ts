import { negotiateLocale } from '@chapterhouse/config';

export const LOCALE_COOKIE = 'locale';

/**
 * Sends a visitor of `/` to their language: the `locale` cookie (a past choice), else
 * Accept-Language, else English. The answer depends on both headers, so it says so and
 * is never stored by shared caches.
 */
export function redirectToLocale(request: { cookie: string | undefined; acceptLanguage: string | null; search?: string }): Response {
  const locale = negotiateLocale({ explicit: [request.cookie], acceptLanguage: request.acceptLanguage });
  return new Response(null, {
    status: 303,
    headers: {
      location: `/${locale}${request.search ?? ''}`,
      vary: 'Accept-Language, Cookie',
      'cache-control': 'private, no-store',
    },
  });
}
