import { LOCALE_CODES } from '@chapterhouse/config';
import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/cms';
import { forgetSession } from '$lib/server/session';
import type { RequestHandler } from './$types';

/** The header's sign-out button: the session ends on the CMS, the cookie goes, the visitor lands on the home page. */
export const POST = (async ({ fetch, request, cookies, url, locals }) => {
  const form = await request.formData().catch(() => null);
  const asked = form?.get('locale');
  const locale = typeof asked === 'string' && LOCALE_CODES.includes(asked) ? asked : locals.locale;
  if (locals.session) await signOut(fetch, locals.session);
  forgetSession(cookies, url);
  locals.member = null;
  locals.session = null;
  redirect(303, `/${locale}`);
}) satisfies RequestHandler;
