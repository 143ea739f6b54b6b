import { sameLanguage } from '$lib/activity';
import {
  EVENT_FIELDS,
  GROUP_FIELDS,
  groupCards,
  toEventCard,
  toGroupCard,
  type CmsEvent,
  type CmsGroup,
  type EventCard,
  type GroupCard,
} from './cards';
import { fields, getSlice, type Fetch, queryInstant } from './client';
import { listPhotos, listPosts, type ImportedPhoto, type ImportedPost } from './imported';

/** Groups whose events happened most recently, most recent first. */
export async function listRecentlyActiveGroups(fetch: Fetch, options: { locale: string; limit: number; now?: Date }): Promise<GroupCard[]> {
  const events = await getSlice<{ group: { slug: string } | null }>(fetch, '/api/events', [
    ['filters[startsAt][$lte]', queryInstant(options.now)],
    ['sort[0]', 'startsAt:desc'],
    ['pagination[pageSize]', 50],
    ...fields(['slug']),
    ...fields(['slug'], 'populate[group][fields]'),
  ]);
  const slugs = [...new Set(events.data.flatMap((event) => (event.group ? [event.group.slug] : [])))].slice(0, options.limit);
  if (!slugs.length) return [];
  const { cards } = await groupCards(fetch, options.locale, [
    ...slugs.map((slug, i): [string, string] => [`filters[slug][$in][${i}]`, slug]),
    ['pagination[pageSize]', slugs.length],
  ]);
  const bySlug = new Map(cards.map((card) => [card.slug, card]));
  return slugs.flatMap((slug) => bySlug.get(slug) ?? []);
}

/** Something new in the community; `language` is the language it happens in. */
export type ActivityItem =
  | { kind: 'group'; at: string; language: string | null; group: GroupCard }
  | { kind: 'event'; at: string; language: string | null; event: EventCard }
  | { kind: 'post'; at: string; language: string | null; post: ImportedPost }
  | { kind: 'photo'; at: string; language: string | null; photo: ImportedPhoto };

/** The latest new groups, events, imported posts and photos, newest first (the page orders them by language). */
export async function listLatestActivity(fetch: Fetch, options: { locale: string; limit: number }): Promise<ActivityItem[]> {
  const [groups, events, posts, photos] = await Promise.all([
    getSlice<CmsGroup & { createdAt: string }>(fetch, '/api/groups', [
      ['locale', options.locale],
      ['sort[0]', 'createdAt:desc'],
      ['pagination[pageSize]', options.limit],
      ...fields([...GROUP_FIELDS, 'createdAt']),
    ]),
    getSlice<CmsEvent & { createdAt: string; language: string | null }>(fetch, '/api/events', [
      ['locale', options.locale],
      ['sort[0]', 'createdAt:desc'],
      ['pagination[pageSize]', options.limit],
      ...fields([...EVENT_FIELDS, 'createdAt', 'language']),
      ...fields(['name', 'slug'], 'populate[group][fields]'),
    ]),
    // The newest posts in the visitor's language, and the newest of all, so the former are never crowded out.
    Promise.all([
      listPosts(fetch, { language: options.locale.split('-')[0]!, limit: options.limit }),
      listPosts(fetch, { limit: options.limit }),
    ]).then(([inLanguage, all]) => [...new Map([...inLanguage, ...all].map((post) => [`${post.group.slug} ${post.link ?? post.title}`, post])).values()]),
    listPhotos(fetch, { limit: Math.ceil(options.limit / 2) }),
  ]);
  const items: ActivityItem[] = [
    ...groups.data.map((group): ActivityItem => ({
      kind: 'group',
      at: group.createdAt,
      // A group speaking the visitor's language counts as in it, whatever its first language.
      language: group.languages?.find((tag) => sameLanguage(tag, options.locale)) ?? group.languages?.[0] ?? null,
      group: toGroupCard(group, options.locale),
    })),
    ...events.data.map((event): ActivityItem => ({
      kind: 'event',
      at: event.createdAt,
      language: event.language ?? null,
      event: toEventCard(event, options.locale),
    })),
    ...posts.map((post): ActivityItem => ({ kind: 'post', at: post.postedAt, language: post.language, post })),
    ...photos.map((photo): ActivityItem => ({ kind: 'photo', at: photo.takenAt, language: photo.language, photo })),
  ];
  return items.sort((a, b) => b.at.localeCompare(a.at));
}
