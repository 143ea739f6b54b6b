import { error } from '@sveltejs/kit';
import { hasFilters, parseDirectoryQuery } from '$lib/directory-query';
import { listRegions, searchGroups } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale }, url }) => {
  const query = parseDirectoryQuery(url.searchParams);
  const [result, regions] = await Promise.all([searchGroups(fetch, { locale, query, pageSize: 20 }), listRegions(fetch, locale)]);
  if (query.page > 1 && result.groups.length === 0) error(404, 'No such page of groups');
  return { ...result, query, regions, filtered: hasFilters(query) };
}) satisfies PageServerLoad;
