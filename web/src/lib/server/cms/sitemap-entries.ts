import { everything, fields, getSlice, type Fetch, type Query } from './client';

type Kind = 'groups' | 'events' | 'pages' | 'regions';
type Entry = { slug: string; updatedAt: string };

const PAGE_SIZE = 100;
const query: Query = [...fields(['slug', 'updatedAt']), ['sort[0]', 'slug:asc']];

const pick = (rows: Entry[]): Entry[] => rows.map(({ slug, updatedAt }) => ({ slug, updatedAt }));

/** Every public document's slug and last change, by slug, for the sitemap index. */
export async function listSitemapEntries(fetch: Fetch, kinds: readonly Kind[]): Promise<Partial<Record<Kind, Entry[]>>> {
  const lists = await Promise.all(kinds.map(async (kind) => [kind, pick(await everything<Entry>(fetch, `/api/${kind}`, query))] as const));
  return Object.fromEntries(lists);
}

/**
 * The documents from position `start` (0-based, a multiple of 100), at most `count` of
 * them, in the order of `listSitemapEntries`. It asks for the same pages of 100 as the
 * full listing, so a sitemap part reuses the answers its index was built from.
 */
export async function listSitemapSlice(fetch: Fetch, kind: 'groups' | 'events', start: number, count: number): Promise<Entry[]> {
  const first = start / PAGE_SIZE + 1;
  const pages = Array.from({ length: Math.ceil(count / PAGE_SIZE) }, (_, i) => first + i);
  const bodies = await Promise.all(
    pages.map((page) => getSlice<Entry>(fetch, `/api/${kind}`, [...query, ['pagination[page]', page], ['pagination[pageSize]', PAGE_SIZE]])),
  );
  return pick(bodies.flatMap((body) => body.data)).slice(0, count);
}
