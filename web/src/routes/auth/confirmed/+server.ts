import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * Where the CMS sends the browser once the link of a confirmation e-mail has been opened:
 * the sign-in page, in the visitor's language, saying that the address is confirmed.
 */
export const GET = (({ locals }) => {
  redirect(303, `/${locals.locale}/sign-in?confirmed=1`);
}) satisfies RequestHandler;
