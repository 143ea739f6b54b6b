import { changeProblems, isCountryCode, readRule, seriesProblem, isSlug } from '@chapterhouse/config';

/** One problem with one field, in the shape Strapi's ValidationError details use. */
export interface FieldError {
  path: string[];
  message: string;
}

const ALLOWED_SCHEMES = new Set(['http:', 'https:']);

export function isWebUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2000) return false;
  try {
    const url = new URL(value);
    return ALLOWED_SCHEMES.has(url.protocol) && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

export function isMailtoUrl(value: unknown): boolean {
  return typeof value === 'string' && /^mailto:[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** A BCP 47 language tag such as `en`, `pt-BR` or `zh-Hans`. */
export function isLanguageTag(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

const zoneCache = new Map<string, boolean>();

/** An IANA time zone name that this runtime knows, e.g. `Europe/Paris` or `UTC`. */
export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  let known = zoneCache.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    zoneCache.set(value, known);
  }
  return known;
}

/**
 * Checks an RFC 5545 RRULE value (with or without `RRULE:`) against what the recurrence
 * engine expands. Returns a message naming the part that is wrong, or undefined.
 */
export function checkRecurrenceRule(value: string): string | undefined {
  return readRule(value).problem;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isInstant(value: unknown): boolean {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Collects the field errors of one document's data; `data` is the whole document (stored values merged with the change). */
export type DocumentRules = (data: Record<string, any>) => FieldError[];

function check(errors: FieldError[], path: string[], ok: boolean, message: string) {
  if (!ok) errors.push({ path, message: `${path.join('.')} ${message}` });
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

function checkUrl(errors: FieldError[], path: string[], value: unknown) {
  if (present(value)) check(errors, path, isWebUrl(value), 'must be an http(s) URL');
}

function checkLanguages(errors: FieldError[], path: string[], value: unknown) {
  if (!present(value)) return;
  if (!Array.isArray(value)) {
    check(errors, path, false, 'must be a list of language tags, e.g. ["en", "pt-BR"]');
    return;
  }
  check(errors, path, value.length <= 20, 'may list at most 20 languages');
  value.forEach((tag, i) =>
    check(errors, [...path, String(i)], isLanguageTag(tag), `"${String(tag)}" is not a BCP 47 language tag`),
  );
}

function checkCountry(errors: FieldError[], path: string[], value: unknown) {
  if (present(value)) check(errors, path, isCountryCode(value), 'must be an ISO 3166-1 alpha-2 country code, e.g. "FR"');
}

function checkTimeZone(errors: FieldError[], path: string[], value: unknown) {
  if (present(value)) check(errors, path, isTimeZone(value), 'must be an IANA time zone, e.g. "Europe/Paris"');
}

function checkCoordinates(errors: FieldError[], path: string[], lat: unknown, lng: unknown) {
  const hasLat = present(lat);
  const hasLng = present(lng);
  check(errors, path, hasLat === hasLng, 'needs both latitude and longitude, or neither');
  if (hasLat) check(errors, [...path, 'latitude'], typeof lat === 'number' && lat >= -90 && lat <= 90, 'must be between -90 and 90');
  if (hasLng) check(errors, [...path, 'longitude'], typeof lng === 'number' && lng >= -180 && lng <= 180, 'must be between -180 and 180');
}


function checkSlug(errors: FieldError[], value: unknown) {
  if (present(value)) check(errors, ['slug'], isSlug(value), 'may hold only lowercase letters, digits and single hyphens');
}

export const groupRules: DocumentRules = (data) => {
  const errors: FieldError[] = [];
  checkSlug(errors, data.slug);
  checkCountry(errors, ['country'], data.country);
  checkLanguages(errors, ['languages'], data.languages);
  checkTimeZone(errors, ['timezone'], data.timezone);
  checkUrl(errors, ['website'], data.website);
  checkCoordinates(errors, [], data.latitude, data.longitude);
  (Array.isArray(data.feeds) ? data.feeds : []).forEach((feed: any, i: number) => checkUrl(errors, ['feeds', String(i), 'url'], feed?.url));
  const wg = data.workingGroup;
  if (wg && typeof wg === 'object') {
    checkUrl(errors, ['workingGroup', 'meetingNotesUrl'], wg.meetingNotesUrl);
    checkUrl(errors, ['workingGroup', 'repositoryUrl'], wg.repositoryUrl);
    (Array.isArray(wg.channels) ? wg.channels : []).forEach((c: any, i: number) =>
      checkUrl(errors, ['workingGroup', 'channels', String(i), 'url'], c?.url),
    );
  }
  return errors;
};

export const eventRules: DocumentRules = (data) => {
  const errors: FieldError[] = [];
  checkSlug(errors, data.slug);
  checkTimeZone(errors, ['timezone'], data.timezone);
  checkUrl(errors, ['onlineUrl'], data.onlineUrl);
  checkUrl(errors, ['registrationUrl'], data.registrationUrl);
  if (present(data.language)) check(errors, ['language'], isLanguageTag(data.language), 'must be a BCP 47 language tag');
  const start = present(data.startsAt) ? Date.parse(String(data.startsAt)) : NaN;
  const end = present(data.endsAt) ? Date.parse(String(data.endsAt)) : NaN;
  if (!Number.isNaN(start) && !Number.isNaN(end)) check(errors, ['endsAt'], end > start, 'must be after startsAt');
  if (present(data.recurrence)) {
    // A rule is checked with the series' start too: the start must be one of its occurrences.
    const problem =
      typeof data.recurrence !== 'string'
        ? 'must be text'
        : Number.isNaN(start) || !isTimeZone(data.timezone ?? 'UTC')
          ? checkRecurrenceRule(data.recurrence)
          : seriesProblem({ startsAt: new Date(start), endsAt: new Date(Number.isNaN(end) ? start : end), timezone: data.timezone, allDay: data.allDay, recurrence: data.recurrence });
    if (problem) errors.push({ path: ['recurrence'], message: `recurrence ${problem}` });
  }
  if (present(data.changes)) {
    if (!Array.isArray(data.changes)) check(errors, ['changes'], false, 'must be a list of occurrence changes');
    else if (!Number.isNaN(start) && isTimeZone(data.timezone ?? 'UTC')) {
      const series = { startsAt: new Date(start), endsAt: new Date(Number.isNaN(end) ? start : end), timezone: data.timezone, allDay: data.allDay, recurrence: data.recurrence, exceptionDates: data.exceptionDates, changes: data.changes };
      for (const problem of changeProblems(series)) {
        errors.push({ path: ['changes', String(problem.index), problem.field], message: `changes[${problem.index}].${problem.field} ${problem.message}` });
      }
    }
  }
  if (present(data.exceptionDates)) {
    const dates = data.exceptionDates;
    if (!Array.isArray(dates)) check(errors, ['exceptionDates'], false, 'must be a list of ISO 8601 instants');
    else dates.forEach((d, i) => check(errors, ['exceptionDates', String(i)], isInstant(d), 'must be an ISO 8601 instant, e.g. "2027-01-12T18:30:00Z"'));
  }
  if (data.venue && typeof data.venue === 'object') checkCoordinates(errors, ['venue'], data.venue.latitude, data.venue.longitude);
  return errors;
};

export const resourceRules: DocumentRules = (data) => {
  const errors: FieldError[] = [];
  if (present(data.url)) {
    const ok = isWebUrl(data.url) || (data.type === 'mailing-list' && isMailtoUrl(data.url));
    check(errors, ['url'], ok, data.type === 'mailing-list' ? 'must be an http(s) or mailto: URL' : 'must be an http(s) URL');
  }
  if (present(data.language)) check(errors, ['language'], isLanguageTag(data.language), 'must be a BCP 47 language tag');
  return errors;
};

export const pageRules: DocumentRules = (data) => {
  const errors: FieldError[] = [];
  checkSlug(errors, data.slug);
  return errors;
};

export const regionRules: DocumentRules = (data) => {
  const errors: FieldError[] = [];
  checkSlug(errors, data.slug);
  if (present(data.countries)) {
    if (!Array.isArray(data.countries)) check(errors, ['countries'], false, 'must be a list of ISO 3166-1 alpha-2 codes');
    else data.countries.forEach((c: unknown, i: number) => checkCountry(errors, ['countries', String(i)], c));
  }
  (Array.isArray(data.contacts) ? data.contacts : []).forEach((c: any, i: number) => checkUrl(errors, ['contacts', String(i), 'url'], c?.url));
  return errors;
};

export const groupApplicationRules: DocumentRules = (data) => {
  const errors: FieldError[] = [];
  checkCountry(errors, ['country'], data.country);
  checkLanguages(errors, ['languages'], data.languages);
  return errors;
};

/** Components the rules read, populated when an update is checked against what is stored. */
export const RULE_POPULATE: Readonly<Record<string, string[]>> = {
  'api::event.event': ['changes'],
};

/** The rules for each content type that has any beyond its schema. */
export const RULES: Readonly<Record<string, DocumentRules>> = {
  'api::group.group': groupRules,
  'api::event.event': eventRules,
  'api::resource.resource': resourceRules,
  'api::page.page': pageRules,
  'api::region.region': regionRules,
  'api::group-application.group-application': groupApplicationRules,
};
