import { EVENT_FORMATS, GROUP_KINDS, type GroupKind } from '@chapterhouse/config';
import { parsePageParam } from '$lib/pagination';

export type EventFormatFilter = (typeof EVENT_FORMATS)[number];

/** The events list's filters as the URL carries them; anything invalid is simply absent. */
export interface EventFilters {
  region?: string;
  language?: string;
  kind?: GroupKind;
  format?: EventFormatFilter;
  q?: string;
  page: number;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

/** Reads `region`, `language`, `kind`, `format`, `q` and `page` from the query string. */
export function parseEventFilters(params: URLSearchParams): EventFilters {
  const region = params.get('region')?.trim().toLowerCase() ?? '';
  const language = params.get('language')?.trim() ?? '';
  const q = (params.get('q') ?? '').trim().replace(/\s+/g, ' ').slice(0, 100);
  const filters: EventFilters = { page: parsePageParam(params.get('page')) };
  if (region.length <= 80 && SLUG.test(region)) filters.region = region;
  if (language.length <= 35 && LANGUAGE_TAG.test(language)) filters.language = canonicalLanguage(language);
  const kind = oneOf(GROUP_KINDS, params.get('kind'));
  if (kind) filters.kind = kind;
  const format = oneOf(EVENT_FORMATS, params.get('format'));
  if (format) filters.format = format;
  if (q) filters.q = q;
  return filters;
}

/** `pt-br` → `pt-BR`; an unknown but well-formed tag is kept as typed. */
export function canonicalLanguage(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

/** The query string for `filters` (page included when above 1), e.g. `?region=europe&page=2`. */
export function eventFiltersQuery(filters: Partial<EventFilters>, page = filters.page ?? 1): string {
  const params = new URLSearchParams();
  for (const name of ['q', 'region', 'language', 'kind', 'format'] as const) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
