import { fail, redirect } from '@sveltejs/kit';
import { listProviders, providerStartUrl, signInWithPassword } from '$lib/server/cms';
import { keepSession, localPath, visitorAddress } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

/** What a visitor arriving here may be told: a provider's sign-in that did not end well. */
const ARRIVAL_PROBLEMS = ['provider', 'cancelled', 'expired'] as const;
type ArrivalProblem = (typeof ARRIVAL_PROBLEMS)[number];

export const load = (async ({ fetch, url, params: { locale }, locals }) => {
  const asked = localPath(url.searchParams.get('returnTo'));
  const returnTo = asked ?? `/${locale}/my-groups`;
  if (locals.member) redirect(303, returnTo);
  const providers = await listProviders(fetch);
  const problem = url.searchParams.get('problem');
  return {
    returnTo: asked ?? null,
    providers: (providers ?? []).filter(({ id }) => id !== 'email').map(({ id, name }) => ({ id, name, href: providerStartUrl(id, returnTo) })),
    // E-mail sign-in is a route of the CMS itself: offered when the CMS lists it, or cannot list anything.
    email: providers === null || providers.some(({ id }) => id === 'email'),
    problem: ARRIVAL_PROBLEMS.includes(problem as ArrivalProblem) ? (problem as ArrivalProblem) : null,
    // Back from the link of a confirmation e-mail (see /auth/confirmed).
    confirmed: url.searchParams.get('confirmed') === '1',
    // Back from setting a new password (see /reset-password).
    reset: url.searchParams.get('reset') === '1',
  };
}) satisfies PageServerLoad;

export const actions = {
  default: async ({ fetch, request, cookies, url, params: { locale }, getClientAddress }) => {
    const form = await request.formData();
    const identifier = String(form.get('identifier') ?? '').trim();
    const password = form.get('password');
    if (!identifier || typeof password !== 'string' || !password) return fail(400, { identifier, problem: 'missing' as const });
    const result = await signInWithPassword(fetch, { identifier, password }, visitorAddress(getClientAddress));
    if (!result.ok) return fail(result.status, { identifier, problem: result.status === 429 ? ('rateLimited' as const) : ('wrong' as const) });
    keepSession(cookies, url, result.session);
    redirect(303, localPath(form.get('returnTo')) ?? `/${locale}/my-groups`);
  },
} satisfies Actions;
