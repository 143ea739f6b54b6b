import { fail } from '@sveltejs/kit';
import { requestPasswordReset } from '$lib/server/cms';
import { visitorAddress } from '$lib/server/session';
import type { Actions } from './$types';

export const actions = {
  default: async ({ fetch, request, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    if (!email || email.length > 254) return fail(400, { email, problem: 'missing' as const });
    const result = await requestPasswordReset(fetch, email, visitorAddress(getClientAddress));
    if (result.ok) return { sent: true as const, email };
    return fail(result.status, { email, problem: result.status === 429 ? ('rateLimited' as const) : ('missing' as const) });
  },
} satisfies Actions;
