import { EVENT_FORMATS, GROUP_KINDS, type GroupKind, isSlug } from '@chapterhouse/config';
import { parsePageParam } from '$lib/pagination';

export type EventFormatFilter = (typeof EVENT_FORMATS)[number];

/** The events list's filters as the URL carries them; anything invalid is simply absent. */
export interface EventFilters {
  /** One group's events (a group slug). */
  group?: string;
  region?: string;
  language?: string;
  kind?: GroupKind;
  format?: EventFormatFilter;
  q?: string;
  page: number;
  /** The list of events, or a month calendar of their occurrences. */
  view: 'list' | 'month';
  /** With the month view: which month, `2027-01`. */
  month?: string;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Reads `group`, `region`, `language`, `kind`, `format`, `q`, `page`, `view` and `month` from the query string. */
export function parseEventFilters(params: URLSearchParams): EventFilters {
  const group = params.get('group')?.trim().toLowerCase() ?? '';
  const region = params.get('region')?.trim().toLowerCase() ?? '';
  const language = params.get('language')?.trim() ?? '';
  const q = (params.get('q') ?? '').trim().replace(/\s+/g, ' ').slice(0, 100);
  const filters: EventFilters = { page: parsePageParam(params.get('page')), view: params.get('view') === 'month' ? 'month' : 'list' };
  const month = params.get('month') ?? '';
  if (filters.view === 'month' && MONTH.test(month) && +month.slice(0, 4) >= 1970 && +month.slice(0, 4) <= 9999) filters.month = month;
  if (group.length <= 80 && isSlug(group)) filters.group = group;
  if (region.length <= 80 && isSlug(region)) filters.region = region;
  const tag = language.length <= 35 && LANGUAGE_TAG.test(language) ? canonicalLanguage(language) : undefined;
  if (tag) filters.language = tag;
  const kind = oneOf(GROUP_KINDS, params.get('kind'));
  if (kind) filters.kind = kind;
  const format = oneOf(EVENT_FORMATS, params.get('format'));
  if (format) filters.format = format;
  if (q) filters.q = q;
  return filters;
}

/** `pt-br` → `pt-BR`; undefined for a tag that is not well-formed BCP 47 (`en-12`). */
function canonicalLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * The query string for `filters` (page included when above 1, the view and month when it is
 * the month view), e.g. `?region=europe&page=2` or `?view=month&month=2027-01&format=online`.
 */
export function eventFiltersQuery(filters: Partial<EventFilters>, page = filters.page ?? 1): string {
  const params = new URLSearchParams();
  if (filters.view === 'month') {
    params.set('view', 'month');
    if (filters.month) params.set('month', filters.month);
  }
  for (const name of ['q', 'group', 'region', 'language', 'kind', 'format'] as const) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (page > 1 && filters.view !== 'month') params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
