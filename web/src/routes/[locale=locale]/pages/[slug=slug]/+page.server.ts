import { error } from '@sveltejs/kit';
import { getPage } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale, slug } }) => {
  const page = await getPage(fetch, slug, locale);
  if (!page) error(404, 'No such page');
  return { page };
}) satisfies PageServerLoad;
