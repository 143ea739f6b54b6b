import { everything, fields, type Fetch } from './client';

/** Every public page's slug and last change, for the sitemap. */
export async function listSitemapEntries(
  fetch: Fetch,
): Promise<Record<'groups' | 'events' | 'pages' | 'regions', { slug: string; updatedAt: string }[]>> {
  const slugs = (path: string) => everything<{ slug: string; updatedAt: string }>(fetch, path, [...fields(['slug', 'updatedAt']), ['sort[0]', 'slug:asc']]);
  const [groups, events, pages, regions] = await Promise.all([
    slugs('/api/groups'),
    slugs('/api/events'),
    slugs('/api/pages'),
    slugs('/api/regions'),
  ]);
  const pick = (rows: { slug: string; updatedAt: string }[]) => rows.map(({ slug, updatedAt }) => ({ slug, updatedAt }));
  return { groups: pick(groups), events: pick(events), pages: pick(pages), regions: pick(regions) };
}
