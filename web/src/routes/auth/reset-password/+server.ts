import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The link of a password reset e-mail: on to the page that sets a new password, in the visitor's language. */
export const GET = (({ locals, url }) => {
  const code = url.searchParams.get('code');
  const query = code && /^[A-Za-z0-9]{1,200}$/.test(code) ? `?code=${code}` : '';
  redirect(303, `/${locals.locale}/reset-password${query}`);
}) satisfies RequestHandler;
