import { fail, redirect } from '@sveltejs/kit';
import { resetPassword } from '$lib/server/cms';
import { visitorAddress } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const CODE = /^[A-Za-z0-9]{1,200}$/;

export const load = (({ url }) => {
  const code = url.searchParams.get('code');
  return { code: code && CODE.test(code) ? code : null };
}) satisfies PageServerLoad;

export const actions = {
  default: async ({ fetch, request, params: { locale }, getClientAddress }) => {
    const form = await request.formData();
    const code = String(form.get('code') ?? '');
    const password = form.get('password');
    const confirmation = form.get('passwordConfirmation');
    if (!CODE.test(code)) return fail(400, { problem: 'invalid' as const });
    if (typeof password !== 'string' || typeof confirmation !== 'string' || password.length < 8) return fail(400, { problem: 'short' as const });
    if (password !== confirmation) return fail(400, { problem: 'differ' as const });
    const result = await resetPassword(fetch, { code, password, passwordConfirmation: confirmation }, visitorAddress(getClientAddress));
    if (!result.ok) return fail(result.status, { problem: result.status === 429 ? ('rateLimited' as const) : ('invalid' as const) });
    redirect(303, `/${locale}/sign-in?reset=1`);
  },
} satisfies Actions;
