import { redirect } from '@sveltejs/kit';
import { exchangeCode } from '$lib/server/cms';
import { keepSession, localPath, visitorAddress } from '$lib/server/session';
import type { RequestHandler } from './$types';

/**
 * Where the CMS sends the browser back after a provider's sign-in: the one-time code is
 * exchanged for a session (server to server, so no token is ever in a URL), the cookie is
 * set, and the visitor goes on to the page they came from, on this site only.
 */
export const GET = (async ({ fetch, url, cookies, locals, getClientAddress }) => {
  const signIn = (problem: string) => `/${locals.locale}/sign-in?problem=${problem}`;
  const code = url.searchParams.get('code');
  if (url.searchParams.has('error') || !code || code.length > 500) {
    redirect(303, signIn(url.searchParams.get('error') === 'cancelled' ? 'cancelled' : 'provider'));
  }
  const session = await exchangeCode(fetch, code, visitorAddress(getClientAddress));
  if (!session) redirect(303, signIn('expired'));
  keepSession(cookies, url, session);
  redirect(303, localPath(session.returnTo) ?? `/${locals.locale}/my-groups`);
}) satisfies RequestHandler;
