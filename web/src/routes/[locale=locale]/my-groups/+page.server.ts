import { fail } from '@sveltejs/kit';
import { decideRequest, leaveGroup, listMyGroups, listRequests, setGroupEmail } from '$lib/server/cms';
import { sessionOrSignIn } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const SLUG = /^[a-z0-9-]{1,120}$/;
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

export const load = (async ({ fetch, locals, params: { locale } }) => {
  const session = sessionOrSignIn(locals, locale, `/${locale}/my-groups`);
  const [groups, requests] = await Promise.all([listMyGroups(fetch, session, locale), listRequests(fetch, session)]);
  return {
    active: groups.filter((row) => row.status === 'active'),
    pending: groups.filter((row) => row.status === 'pending'),
    requests,
  };
}) satisfies PageServerLoad;

/** A field of the posted form that must match `pattern`. */
async function field(request: Request, name: string, pattern: RegExp): Promise<{ value: string; form: FormData } | null> {
  const form = await request.formData();
  const value = form.get(name);
  return typeof value === 'string' && pattern.test(value) ? { value, form } : null;
}

export const actions = {
  leave: async ({ fetch, request, locals, params: { locale } }) => {
    const session = sessionOrSignIn(locals, locale, `/${locale}/my-groups`);
    const posted = await field(request, 'group', SLUG);
    if (!posted) return fail(400, { problem: 'invalid' as const });
    await leaveGroup(fetch, session, posted.value);
    return { done: 'left' as const };
  },
  email: async ({ fetch, request, locals, params: { locale } }) => {
    const session = sessionOrSignIn(locals, locale, `/${locale}/my-groups`);
    const posted = await field(request, 'group', SLUG);
    if (!posted) return fail(400, { problem: 'invalid' as const });
    const wantsEmail = posted.form.get('wantsEmail') === 'true';
    await setGroupEmail(fetch, session, posted.value, wantsEmail);
    return { done: wantsEmail ? ('emailOn' as const) : ('emailOff' as const) };
  },
  approve: async ({ fetch, request, locals, params: { locale } }) => {
    const session = sessionOrSignIn(locals, locale, `/${locale}/my-groups`);
    const posted = await field(request, 'request', DOCUMENT_ID);
    if (!posted || !(await decideRequest(fetch, session, posted.value, 'approve'))) return fail(400, { problem: 'invalid' as const });
    return { done: 'approved' as const };
  },
  decline: async ({ fetch, request, locals, params: { locale } }) => {
    const session = sessionOrSignIn(locals, locale, `/${locale}/my-groups`);
    const posted = await field(request, 'request', DOCUMENT_ID);
    if (!posted || !(await decideRequest(fetch, session, posted.value, 'decline'))) return fail(400, { problem: 'invalid' as const });
    return { done: 'declined' as const };
  },
} satisfies Actions;
