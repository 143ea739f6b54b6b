/** The shapes of the demo content. Texts are given per locale; `en` is always present. */
export type LocaleCode = 'en' | 'fr' | 'de' | 'es' | 'pt-BR' | 'ja' | 'zh-Hans' | 'ar';
export type Localized<T = string> = { en: T } & Partial<Record<Exclude<LocaleCode, 'en'>, T>>;

export interface SeedRegion {
  slug: string;
  name: Localized;
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  contacts: { name: string; role?: string; email?: string; url?: string }[];
}

export interface SeedPerson {
  name: string;
  affiliation?: string;
}

export interface SeedGroup {
  slug: string;
  name: string;
  kind: 'user-group' | 'working-group' | 'special-interest-group';
  status: 'forming' | 'active' | 'dormant' | 'archived';
  /** Whether joining waits for a coordinator's approval; open when left out. */
  joinPolicy?: 'open' | 'approval';
  summary: Localized;
  /** Markdown. */
  description: Localized;
  /** BCP 47 tags of the languages spoken at the group. */
  languages: string[];
  country: string;
  region: string;
  city?: string;
  latitude?: number;
  longitude?: number;
  /** IANA time zone. */
  timezone: string;
  website?: string;
  contactEmail: string;
  workingGroup?: {
    scope: Localized;
    chairs: SeedPerson[];
    meetingNotesUrl?: string;
    repositoryUrl?: string;
    channels: { kind: 'chat' | 'mailing-list' | 'forum' | 'video' | 'social' | 'other'; label: string; url: string }[];
  };
  feeds: { kind: 'blog' | 'photos' | 'calendar'; url: string; title?: string }[];
  resources: {
    type:
      | 'mailing-list'
      | 'forum'
      | 'wiki'
      | 'home-page'
      | 'blog'
      | 'chat'
      | 'repository'
      | 'meeting-notes'
      | 'social'
      | 'other';
    title: string;
    url: string;
    language?: string;
  }[];
  /** Usernames of the demo people who coordinate the group. */
  coordinators: string[];
}

export interface SeedEvent {
  slug: string;
  /** Slug of the organising group. */
  group: string;
  title: Localized;
  /** Markdown. */
  description: Localized;
  /** Days from the day the demo is seeded (negative: in the past). */
  dayOffset: number;
  /** Wall-clock start in the event's time zone, HH:mm. */
  startTime: string;
  durationMinutes: number;
  timezone: string;
  allDay?: boolean;
  /** RFC 5545 RRULE value without the `RRULE:` prefix, e.g. `FREQ=MONTHLY;BYDAY=2TU`. */
  recurrence?: string;
  /** Occurrences skipped, as day offsets of the same wall-clock time. */
  exceptionDayOffsets?: number[];
  /** Occurrences changed on their own: the series' first on or after `dayOffset`, moved by days and minutes, or cancelled. */
  changes?: { dayOffset: number; moveDays?: number; moveMinutes?: number; cancelled?: boolean }[];
  format: 'in-person' | 'online' | 'hybrid';
  venue?: { name: string; address?: string; latitude?: number; longitude?: number };
  onlineUrl?: string;
  type: 'meetup' | 'hackathon' | 'conference' | 'call' | 'workshop' | 'social';
  registrationUrl?: string;
  status: 'scheduled' | 'cancelled' | 'postponed';
  language: string;
}

export interface SeedPage {
  slug: string;
  category: 'guide' | 'policy' | 'trademark' | 'brand' | 'about';
  title: Localized;
  summary: Localized;
  /** Markdown. */
  body: Localized;
  /** File names under `cms/seed-assets/`. */
  attachments?: string[];
}


export interface SeedPersonAccount {
  username: string;
  email: string;
  /** The public name shown where the person coordinates a group. */
  displayName: string;
}
