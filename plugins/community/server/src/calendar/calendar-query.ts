import { EVENT_FORMATS, GROUP_KINDS, readLocaleParam, type GroupKind, type LocaleRequest, isSlug } from '@chapterhouse/config';

export type EventFormat = (typeof EVENT_FORMATS)[number];

/** The community calendar's filters; each narrows the events, all must hold. */
export interface CalendarFilters {
  /** Slug of the region of the event's group. */
  region?: string;
  /** The event's language; `pt` also takes `pt-BR`. */
  language?: string;
  /** Kind of the event's group. */
  kind?: GroupKind;
  format?: EventFormat;
}

export interface FeedQuery {
  locale: LocaleRequest;
  filters: CalendarFilters;
}

const FILTERS = ['region', 'language', 'kind', 'format'] as const;

/** `pt-br` → `pt-BR`; undefined when the text is not a language tag. */
export function canonicalLanguage(tag: string): string | undefined {
  if (tag.length > 35 || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** Whether an event in `language` matches a wanted language: `pt` matches `pt-BR`, case aside. */
export function matchesLanguage(language: string | null | undefined, wanted: string): boolean {
  if (!language) return false;
  const have = (canonicalLanguage(language) ?? language).toLowerCase();
  const want = wanted.toLowerCase();
  return have === want || have.startsWith(`${want}-`);
}

const single = (name: string, value: unknown): string => {
  if (typeof value !== 'string') throw new Error(`"${name}" must be given once, as text`);
  return value;
};

/**
 * Reads a feed's query string: `locale` always, and the community calendar's filters when
 * `filters` is true. Returns a message saying what is wrong instead, for a 400.
 */
export function readFeedQuery(query: Record<string, unknown>, options: { filters: boolean }): FeedQuery | string {
  const allowed: readonly string[] = options.filters ? ['locale', ...FILTERS] : ['locale'];
  const unknown = Object.keys(query).filter((name) => !allowed.includes(name));
  if (unknown.length) return `Unknown query parameter(s): ${unknown.join(', ')}. Allowed: ${allowed.join(', ')}.`;
  const locale = readLocaleParam(query.locale);
  if (typeof locale === 'string') return locale;
  const filters: CalendarFilters = {};
  try {
    if (query.region !== undefined) {
      const region = single('region', query.region);
      if (!isSlug(region)) return '"region" must be a region slug (lower-case letters, digits and hyphens).';
      filters.region = region;
    }
    if (query.language !== undefined) {
      const language = canonicalLanguage(single('language', query.language));
      if (!language) return '"language" must be a language tag such as "fr" or "pt-BR".';
      filters.language = language;
    }
    if (query.kind !== undefined) {
      const kind = single('kind', query.kind);
      if (!(GROUP_KINDS as readonly string[]).includes(kind)) return `"kind" must be one of ${GROUP_KINDS.join(', ')}.`;
      filters.kind = kind as GroupKind;
    }
    if (query.format !== undefined) {
      const format = single('format', query.format);
      if (!(EVENT_FORMATS as readonly string[]).includes(format)) return `"format" must be one of ${EVENT_FORMATS.join(', ')}.`;
      filters.format = format as EventFormat;
    }
  } catch (problem) {
    return (problem as Error).message;
  }
  return { locale, filters };
}

/** The events that pass every filter (the region is checked against the group's region). */
export function applyFilters<
  T extends { format?: string | null; language?: string | null; group?: { kind?: string | null; region?: { slug?: string | null } | null } | null },
>(events: T[], filters: CalendarFilters): T[] {
  return events.filter(
    (event) =>
      (!filters.format || event.format === filters.format) &&
      (!filters.kind || event.group?.kind === filters.kind) &&
      (!filters.region || event.group?.region?.slug === filters.region) &&
      (!filters.language || matchesLanguage(event.language, filters.language)),
  );
}
