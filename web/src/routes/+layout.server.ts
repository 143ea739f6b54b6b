import type { LayoutServerLoad } from './$types';

// Pages without a locale prefix (a 404 such as `/xx/…`) use the negotiated locale.
export const load = (({ params, locals }) => {
  const locale = params.locale ?? locals.locale;
  // The signed-in header: only the name the person goes by.
  const member = locals.member ? { name: locals.member.displayName || locals.member.username } : null;
  return { locale, member };
}) satisfies LayoutServerLoad;
