import { fail } from '@sveltejs/kit';
import { fieldsNamedIn, readApplication, validateApplication, type FieldErrors } from '$lib/application-form';
import { applicationStamp, MAX_FILL_MS, MIN_FILL_MS } from '$lib/server/application-stamp';
import { submitGroupApplication } from '$lib/server/cms';
import type { Actions, PageServerLoad } from './$types';

/**
 * The visitor's address as the adapter reports it (behind a proxy: ADDRESS_HEADER and
 * XFF_DEPTH); empty when it cannot tell, and the CMS then counts this server's address.
 */
function visitorAddress(getClientAddress: () => string): string {
  try {
    return getClientAddress();
  } catch {
    return '';
  }
}

export const load = (() => ({ stamp: applicationStamp.issue() })) satisfies PageServerLoad;

export const actions = {
  default: async ({ fetch, request, getClientAddress }) => {
    const form = await request.formData();
    const values = readApplication(form);
    const stamp = applicationStamp.issue();
    // The honeypot is invisible to people and assistive technology; only robots fill it in.
    const website = form.get('website');
    if (typeof website === 'string' && website.trim() !== '') return fail(400, { values, stamp, problem: 'spam' as const });
    const sentStamp = form.get('stamp');
    const timing = applicationStamp.check(sentStamp, { minMs: MIN_FILL_MS, maxMs: MAX_FILL_MS });
    if (timing) return fail(400, { values, stamp, problem: timing === 'too-fast' ? ('tooFast' as const) : ('expired' as const) });

    const checked = validateApplication(values);
    if (!checked.ok) return fail(400, { values, stamp, errors: checked.errors });
    const result = await submitGroupApplication(fetch, checked.value, visitorAddress(getClientAddress), String(sentStamp));
    if (result.ok) return { sent: true as const };
    if (result.status === 429) return fail(429, { values, stamp, problem: 'rateLimited' as const });
    const named = fieldsNamedIn(result.message);
    const errors: FieldErrors = Object.fromEntries(named.map((field) => [field, 'invalid' as const]));
    return fail(400, { values, stamp, errors, problem: named.length ? undefined : ('rejected' as const) });
  },
} satisfies Actions;
