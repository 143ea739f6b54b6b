import { error } from '@sveltejs/kit';
import { getRegion } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale, slug } }) => {
  const region = await getRegion(fetch, slug, locale);
  if (!region) error(404, 'No such region');
  return { region };
}) satisfies PageServerLoad;
