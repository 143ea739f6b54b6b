import { registerCatalogs } from '$lib/i18n/translate';
import type { LayoutLoad } from './$types';

// Runs before the page renders, on the server and on every navigation in the browser.
export const load = (({ data }) => {
  registerCatalogs(data.catalogs);
  return data;
}) satisfies LayoutLoad;
