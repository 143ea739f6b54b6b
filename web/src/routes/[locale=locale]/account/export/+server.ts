import { exportData } from '$lib/server/cms';
import { sessionOrSignIn } from '$lib/server/session';
import type { RequestHandler } from './$types';

/** "Download my data": the CMS's JSON of my account, memberships, requests and sign-in methods, as a file. */
export const GET = (async ({ fetch, locals, params: { locale } }) => {
  const session = sessionOrSignIn(locals, locale, `/${locale}/account`);
  const answer = await exportData(fetch, session);
  return new Response(answer.body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': answer.headers.get('content-disposition') ?? 'attachment; filename="chapterhouse-my-data.json"',
      'cache-control': 'private, no-store',
    },
  });
}) satisfies RequestHandler;
