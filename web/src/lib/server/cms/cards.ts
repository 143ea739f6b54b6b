import type { GroupKind, GroupStatus } from '@chapterhouse/config';
import { fields, getSlice, isFallback, type Fetch, type LocalizedEntry, type Query } from './client';

export interface CmsGroup extends LocalizedEntry {
  name: string;
  slug: string;
  summary: string | null;
  kind: GroupKind;
  state: GroupStatus;
  city: string | null;
  country: string | null;
  languages: string[] | null;
}

export type EventFormat = 'in-person' | 'online' | 'hybrid';

export interface CmsEvent extends LocalizedEntry {
  title: string;
  slug: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  format: EventFormat;
  group: { id: number; documentId: string; name: string; slug: string } | null;
}

/** A group as the pages show it. `locale` is the language of its text; `isFallback` marks text not in the requested locale. */
export interface GroupCard {
  id: string;
  name: string;
  slug: string;
  summary: string | null;
  kind: GroupKind;
  status: GroupStatus;
  city: string | null;
  country: string | null;
  languages: string[];
  locale: string;
  isFallback: boolean;
}

export type EventState = 'scheduled' | 'cancelled' | 'postponed';

export interface EventCard {
  id: string;
  title: string;
  slug: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  format: EventFormat;
  group: { name: string; slug: string } | null;
  locale: string;
  isFallback: boolean;
  /** Set on events from `listEventSeries`/`getEvent`; the home page's cards go without. */
  allDay?: boolean;
  state?: EventState;
  recurrence?: string | null;
}

export const GROUP_FIELDS = ['name', 'slug', 'summary', 'kind', 'state', 'city', 'country', 'languages'];
export const EVENT_FIELDS = ['title', 'slug', 'startsAt', 'endsAt', 'timezone', 'format'];

export function toGroupCard(group: CmsGroup, requested: string): GroupCard {
  return {
    id: group.documentId,
    name: group.name,
    slug: group.slug,
    summary: group.summary ?? null,
    kind: group.kind,
    status: group.state,
    city: group.city ?? null,
    country: group.country ?? null,
    languages: Array.isArray(group.languages) ? group.languages : [],
    locale: group.locale,
    isFallback: isFallback(group, requested),
  };
}

export function toEventCard(event: CmsEvent, requested: string): EventCard {
  return {
    id: event.documentId,
    title: event.title,
    slug: event.slug,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timezone: event.timezone,
    format: event.format,
    group: event.group ? { name: event.group.name, slug: event.group.slug } : null,
    locale: event.locale,
    isFallback: isFallback(event, requested),
  };
}

export async function groupCards(fetch: Fetch, locale: string, query: Query): Promise<{ cards: GroupCard[]; total: number }> {
  const body = await getSlice<CmsGroup>(fetch, '/api/groups', [['locale', locale], ...query, ...fields(GROUP_FIELDS)]);
  return { cards: body.data.map((group) => toGroupCard(group, locale)), total: body.meta.pagination.total };
}
