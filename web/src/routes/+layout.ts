import { browser } from '$app/environment';
import { loadCatalogs } from '$lib/i18n/catalog-chunks';
import type { LayoutLoad } from './$types';

// Runs before the page renders, on the server and on every navigation in the browser. The
// server has every catalog already; the browser fetches the page's language when first needed.
export const load = (async ({ data }) => {
  if (browser) await loadCatalogs(data.locale);
  return data;
}) satisfies LayoutLoad;
