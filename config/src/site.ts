/** Settings both the CMS and the web read. Values come from the environment where one is set. */
export const SITE_NAME = 'Chapterhouse';

/** Largest page of results the public API hands out in one response. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

export const DEFAULT_PORTS = { cms: 1337, web: 3000 } as const;

export const GROUP_KINDS = ['user-group', 'working-group', 'special-interest-group'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const GROUP_STATUSES = ['forming', 'active', 'dormant', 'archived'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export const EVENT_TYPES = ['meetup', 'hackathon', 'conference', 'call', 'workshop', 'social'] as const;
export const EVENT_FORMATS = ['in-person', 'online', 'hybrid'] as const;
export const EVENT_STATUSES = ['scheduled', 'cancelled', 'postponed'] as const;

export const RESOURCE_TYPES = [
  'mailing-list',
  'forum',
  'wiki',
  'home-page',
  'blog',
  'chat',
  'repository',
  'meeting-notes',
  'social',
  'other',
] as const;

export const PAGE_CATEGORIES = ['guide', 'policy', 'trademark', 'brand', 'about'] as const;
