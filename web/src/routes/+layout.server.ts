import type { LayoutServerLoad } from './$types';

// Pages without a locale prefix (a 404 such as `/xx/…`) use the negotiated locale.
export const load = (({ params, locals }) => ({ locale: params.locale ?? locals.locale })) satisfies LayoutServerLoad;
