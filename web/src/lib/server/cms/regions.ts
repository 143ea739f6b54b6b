import { GROUP_FIELDS, toGroupCard, type CmsGroup, type GroupCard } from './cards';
import { cmsUrl, everything, fields, getList, getFirst, getSlice, isFallback, type Fetch, type LocalizedEntry } from './client';

export interface RegionSummary {
  slug: string;
  name: string;
}

/** Every region, by name, for the directory's region filter. */
export async function listRegions(fetch: Fetch, locale: string): Promise<RegionSummary[]> {
  const body = await getSlice<{ slug: string; name: string }>(fetch, '/api/regions', [
    ['locale', locale],
    ...fields(['slug', 'name']),
    ['pagination[pageSize]', 100],
  ]);
  return body.data
    .map(({ slug, name }) => ({ slug, name }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The regions to choose from, by name in `locale`. */
export async function listRegionChoices(fetch: Fetch, locale: string): Promise<{ slug: string; name: string }[]> {
  const url = cmsUrl('/api/regions', [
    ['locale', locale],
    ['sort[0]', 'name:asc'],
    ['pagination[pageSize]', 100],
    ...fields(['name', 'slug']),
  ]);
  const body = await getList<{ slug: string; name: string }>(fetch, url);
  return body.data.map(({ slug, name }) => ({ slug, name }));
}

export interface RegionContact {
  name: string;
  role: string | null;
  email: string | null;
  url: string | null;
}

export interface RegionDetail extends RegionSummary {
  countries: string[];
  contacts: RegionContact[];
  groups: GroupCard[];
  locale: string;
  isFallback: boolean;
}

/** A region with its points of contact and its groups, or null when there is none. */
export async function getRegion(fetch: Fetch, slug: string, locale: string): Promise<RegionDetail | null> {
  const region = await getFirst<
    LocalizedEntry & { slug: string; name: string; countries: string[] | null; contacts?: (RegionContact & { id: number })[] }
  >(fetch, '/api/regions', [
    ['locale', locale],
    ['filters[slug][$eq]', slug],
    ['populate[contacts]', 'true'],
  ]);
  if (!region) return null;
  const groups = await everything<CmsGroup>(fetch, '/api/groups', [
    ['locale', locale],
    ['filters[region][slug][$eq]', slug],
    ['sort[0]', 'name:asc'],
    ...fields(GROUP_FIELDS),
  ]);
  return {
    slug: region.slug,
    name: region.name,
    countries: Array.isArray(region.countries) ? region.countries : [],
    contacts: (region.contacts ?? []).map(({ name, role, email, url }) => ({ name, role: role ?? null, email: email ?? null, url: url ?? null })),
    groups: groups.map((group) => toGroupCard(group, locale)),
    locale: region.locale,
    isFallback: isFallback(region, locale),
  };
}
