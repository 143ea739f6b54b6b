import { LOCALE_CODES } from '@chapterhouse/config';
import { fail, redirect } from '@sveltejs/kit';
import {
  getAccount,
  getCalendarUrl,
  linkTicket,
  listIdentities,
  listProviders,
  providerStartUrl,
  renewCalendarUrl,
  unlinkIdentity,
  updateAccount,
} from '$lib/server/cms';
import { sessionOrSignIn } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const PROVIDER = /^[a-z0-9-]{1,40}$/;
const MAX_NAME = 80;

export const load = (async ({ fetch, locals, params: { locale } }) => {
  const session = sessionOrSignIn(locals, locale, `/${locale}/account`);
  const [account, identities, providers, calendar] = await Promise.all([
    getAccount(fetch, session),
    listIdentities(fetch, session),
    listProviders(fetch),
    getCalendarUrl(fetch, session),
  ]);
  const linked = new Set(identities.map((identity) => identity.provider));
  return {
    account,
    identities,
    // Providers one could still add; e-mail and password is set up by registering, not linked.
    linkable: (providers ?? []).filter(({ id }) => id !== 'email' && !linked.has(id)),
    calendar: { https: calendar, webcal: calendar.replace(/^https?:/, 'webcal:') },
    locales: LOCALE_CODES,
  };
}) satisfies PageServerLoad;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export const actions = {
  profile: async ({ fetch, request, locals, params: { locale } }) => {
    const session = sessionOrSignIn(locals, locale, `/${locale}/account`);
    const form = await request.formData();
    const displayName = text(form, 'displayName');
    const language = text(form, 'locale');
    if (displayName.length > MAX_NAME || !LOCALE_CODES.includes(language)) return fail(400, { problem: 'profile' as const });
    const result = await updateAccount(fetch, session, { displayName, locale: language });
    if (!result.ok) return fail(400, { problem: 'profile' as const });
    // The site follows the language chosen.
    if (language !== locale) redirect(303, `/${language}/account`);
    return { done: 'saved' as const };
  },
  link: async ({ fetch, request, locals, params: { locale } }) => {
    const session = sessionOrSignIn(locals, locale, `/${locale}/account`);
    const provider = text(await request.formData(), 'provider');
    if (!PROVIDER.test(provider)) return fail(400, { problem: 'link' as const });
    const ticket = await linkTicket(fetch, session, provider);
    if (typeof ticket !== 'string') return fail(400, { problem: 'link' as const });
    // The CMS's form-free sign-in: the person follows this link to the provider.
    return { linkUrl: providerStartUrl(provider, `/${locale}/account`, ticket), provider };
  },
  unlink: async ({ fetch, request, locals, params: { locale } }) => {
    const session = sessionOrSignIn(locals, locale, `/${locale}/account`);
    const provider = text(await request.formData(), 'provider');
    if (!PROVIDER.test(provider)) return fail(400, { problem: 'unlink' as const });
    const result = await unlinkIdentity(fetch, session, provider);
    if (!result.ok) return fail(result.status, { problem: result.status === 409 ? ('lastMethod' as const) : ('unlink' as const) });
    return { done: 'unlinked' as const };
  },
  renew: async ({ fetch, locals, params: { locale } }) => {
    const session = sessionOrSignIn(locals, locale, `/${locale}/account`);
    await renewCalendarUrl(fetch, session);
    return { done: 'renewed' as const };
  },
} satisfies Actions;
