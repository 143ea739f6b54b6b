import { listWorkingGroups } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale } }) => ({ groups: await listWorkingGroups(fetch, locale) })) satisfies PageServerLoad;
