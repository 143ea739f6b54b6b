import { env } from '$env/dynamic/public';
import { groupByCountry } from '$lib/map/points';
import { mapPoints } from '$lib/map/points.server';
import { tileConfig } from '$lib/map/tiles';
import { slugIgnoringCase } from '@chapterhouse/config';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale }, url }) => {
  const { groups } = await mapPoints(fetch);
  return {
    countries: groupByCountry(groups, locale),
    total: groups.length,
    tiles: tileConfig(env.PUBLIC_TILE_URL, env.PUBLIC_TILE_ATTRIBUTION),
    // The group to centre on; a value that is no slug centres on none.
    selected: slugIgnoringCase(url.searchParams.get('group')) ?? null,
  };
}) satisfies PageServerLoad;
