import type { JoinPolicy } from './members';
import { GROUP_FIELDS, toGroupCard, type CmsGroup, type GroupCard } from './cards';
import { everything, fields, getFirst, type Fetch, type Query } from './client';
import { toPhoto, toPost, type CmsPhoto, type CmsPost, type ImportedPhoto, type ImportedPost } from './imported';
import { toOccurrenceCard, type CmsOccurrence, type OccurrenceCard } from './occurrences';
import type { RegionSummary } from './regions';

export interface ResourceLink {
  type: string;
  title: string;
  url: string;
  language: string | null;
}

export interface WorkingGroupDetails {
  scope: string | null;
  chairs: { name: string; affiliation: string | null }[];
  meetingNotesUrl: string | null;
  repositoryUrl: string | null;
  channels: { kind: string; label: string; url: string }[];
}

export interface GroupDetail extends GroupCard {
  description: string | null;
  website: string | null;
  timezone: string | null;
  latitude: number | null;
  longitude: number | null;
  region: RegionSummary | null;
  resources: ResourceLink[];
  workingGroup: WorkingGroupDetails | null;
  /** Whether people join at once (`open`) or a coordinator approves each request (`approval`). */
  joinPolicy: JoinPolicy;
  /** The public names of the group's coordinators, longest-serving first (read for the group page only). */
  coordinators: string[];
  /** Its newest imported posts and photos (read for the group page only). */
  posts: ImportedPost[];
  photos: ImportedPhoto[];
  /** Its events at their next occurrence, soonest first, and at their last, latest first (group page only). */
  upcomingEvents: OccurrenceCard[];
  pastEvents: OccurrenceCard[];
}

interface CmsGroupDetail extends CmsGroup {
  description: string | null;
  website: string | null;
  timezone: string | null;
  latitude: number | null;
  longitude: number | null;
  region: { slug: string; name: string } | null;
  resources?: { type: string; title: string; url: string; language: string | null }[];
  workingGroup?: {
    scope: string | null;
    chairs?: { name: string; affiliation?: string | null }[];
    meetingNotesUrl?: string | null;
    repositoryUrl?: string | null;
    channels?: { kind: string; label: string; url: string }[];
  } | null;
  joinPolicy?: string | null;
  coordinators?: { name: string }[];
  posts?: CmsPost[];
  photos?: CmsPhoto[];
  upcomingEvents?: CmsOccurrence[];
  pastEvents?: CmsOccurrence[];
}

const DETAIL_POPULATE: Query = [
  ...fields(['slug', 'name'], 'populate[region][fields]'),
  ...fields(['type', 'title', 'url', 'language'], 'populate[resources][fields]'),
  ['populate[workingGroup][populate][0]', 'chairs'],
  ['populate[workingGroup][populate][1]', 'channels'],
];

function toWorkingGroup(raw: CmsGroupDetail['workingGroup']): WorkingGroupDetails | null {
  if (!raw) return null;
  return {
    scope: raw.scope ?? null,
    chairs: (raw.chairs ?? []).map((chair) => ({ name: chair.name, affiliation: chair.affiliation ?? null })),
    meetingNotesUrl: raw.meetingNotesUrl ?? null,
    repositoryUrl: raw.repositoryUrl ?? null,
    channels: (raw.channels ?? []).map(({ kind, label, url }) => ({ kind, label, url })),
  };
}

function toGroupDetail(group: CmsGroupDetail, locale: string): GroupDetail {
  return {
    ...toGroupCard(group, locale),
    description: group.description ?? null,
    website: group.website ?? null,
    timezone: group.timezone ?? null,
    latitude: group.latitude ?? null,
    longitude: group.longitude ?? null,
    region: group.region ? { slug: group.region.slug, name: group.region.name } : null,
    resources: (group.resources ?? []).map(({ type, title, url, language }) => ({ type, title, url, language: language ?? null })),
    workingGroup: toWorkingGroup(group.workingGroup),
    joinPolicy: group.joinPolicy === 'approval' ? 'approval' : 'open',
    coordinators: (group.coordinators ?? []).map((coordinator) => coordinator.name),
    posts: (group.posts ?? []).map((post) => toPost(post, { slug: group.slug, name: group.name })),
    photos: (group.photos ?? []).map((photo) => toPhoto(photo, { slug: group.slug, name: group.name })),
    upcomingEvents: (group.upcomingEvents ?? []).map((row) => toOccurrenceCard(row, locale)),
    pastEvents: (group.pastEvents ?? []).map((row) => toOccurrenceCard(row, locale)),
  };
}

/**
 * One group by slug with everything its page shows, in one CMS request: its newest posts and
 * photos and its events at their next and last occurrences come with it; null when there is none.
 */
export async function getGroup(fetch: Fetch, slug: string, locale: string): Promise<GroupDetail | null> {
  const group = await getFirst<CmsGroupDetail>(fetch, '/api/groups', [
    ['locale', locale],
    ['filters[slug][$eq]', slug],
    ...DETAIL_POPULATE,
    ['populate[coordinators]', 'true'],
    ['populate[posts]', 'true'],
    ['populate[photos]', 'true'],
    ['populate[upcomingEvents]', 'true'],
    ['populate[pastEvents]', 'true'],
  ]);
  return group ? toGroupDetail(group, locale) : null;
}

/** A published group's name (in the best locale) by its slug; null when there is none. */
export async function getGroupName(fetch: Fetch, slug: string, locale: string): Promise<string | null> {
  const group = await getFirst<{ name: string }>(fetch, '/api/groups', [
    ['locale', locale],
    ['filters[slug][$eq]', slug],
    ['fields[0]', 'name'],
  ]);
  return group?.name ?? null;
}

/** Every working group with its details, by name. */
export async function listWorkingGroups(fetch: Fetch, locale: string): Promise<GroupDetail[]> {
  const rows = await everything<CmsGroupDetail>(fetch, '/api/groups', [
    ['locale', locale],
    ['filters[kind][$eq]', 'working-group'],
    ['sort[0]', 'name:asc'],
    ...fields([...GROUP_FIELDS, 'description', 'website', 'timezone', 'latitude', 'longitude']),
    ...DETAIL_POPULATE,
  ]);
  return rows.map((group) => toGroupDetail(group, locale));
}
