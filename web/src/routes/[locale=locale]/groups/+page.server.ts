import { error } from '@sveltejs/kit';
import { parsePageParam } from '$lib/pagination';
import { listGroups } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale }, url }) => {
  const page = parsePageParam(url.searchParams.get('page'));
  const result = await listGroups(fetch, { locale, page, pageSize: 20 });
  if (page > 1 && result.groups.length === 0) error(404, 'No such page of groups');
  return result;
}) satisfies PageServerLoad;
