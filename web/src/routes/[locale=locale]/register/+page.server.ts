import { fail, redirect } from '@sveltejs/kit';
import { register } from '$lib/server/cms';
import { localPath, visitorAddress } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ url, params: { locale }, locals }) => {
  if (locals.member) redirect(303, `/${locale}/account`);
  return { returnTo: localPath(url.searchParams.get('returnTo')) ?? null };
}) satisfies PageServerLoad;

export const actions = {
  default: async ({ fetch, request, params: { locale }, getClientAddress }) => {
    const form = await request.formData();
    const username = String(form.get('username') ?? '').trim();
    const email = String(form.get('email') ?? '').trim();
    const password = form.get('password');
    const values = { username, email };
    if (!username || !email || typeof password !== 'string' || !password) return fail(400, { values, problem: 'missing' as const });
    const result = await register(fetch, { username, email, password, locale }, visitorAddress(getClientAddress));
    if (result.ok) return { sent: true as const, email };
    return fail(result.status, { values, problem: result.status === 429 ? ('rateLimited' as const) : ('rejected' as const) });
  },
} satisfies Actions;
