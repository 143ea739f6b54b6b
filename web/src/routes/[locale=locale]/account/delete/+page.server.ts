import { fail, redirect } from '@sveltejs/kit';
import { deleteAccount } from '$lib/server/cms';
import { forgetSession, sessionOrSignIn } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, params: { locale } }) => {
  sessionOrSignIn(locals, locale, `/${locale}/account/delete`);
  return {};
}) satisfies PageServerLoad;

export const actions = {
  default: async ({ fetch, request, cookies, url, locals, params: { locale } }) => {
    const session = sessionOrSignIn(locals, locale, `/${locale}/account/delete`);
    // The second step: nothing is deleted unless the person ticked the box saying they mean it.
    if ((await request.formData()).get('confirm') !== 'yes') return fail(400, { problem: 'confirm' as const });
    await deleteAccount(fetch, session);
    forgetSession(cookies, url);
    locals.member = null;
    locals.session = null;
    redirect(303, `/${locale}/account/deleted`);
  },
} satisfies Actions;
