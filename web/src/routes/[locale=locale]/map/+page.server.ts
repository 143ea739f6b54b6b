import { env } from '$env/dynamic/public';
import { groupByCountry } from '$lib/map/points';
import { mapPoints } from '$lib/map/points.server';
import { tileConfig } from '$lib/map/tiles';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale }, url }) => {
  const { groups } = await mapPoints(fetch);
  return {
    countries: groupByCountry(groups, locale),
    total: groups.length,
    tiles: tileConfig(env.PUBLIC_TILE_URL, env.PUBLIC_TILE_ATTRIBUTION),
    selected: url.searchParams.get('group'),
  };
}) satisfies PageServerLoad;
