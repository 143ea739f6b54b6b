import { catalogsFor } from '$lib/i18n/catalogs.server';
import type { LayoutServerLoad } from './$types';

// Pages without a locale prefix (a 404 such as `/xx/…`) use the negotiated locale.
export const load = (({ params, locals }) => {
  const locale = params.locale ?? locals.locale;
  return { locale, catalogs: catalogsFor(locale) };
}) satisfies LayoutServerLoad;
