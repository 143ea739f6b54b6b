import { isCountryCode } from '@chapterhouse/config';
import { normalizeLanguageTag } from './directory-query';

/** The "start a group" application, as the CMS takes it. */
export interface GroupApplication {
  proposedName: string;
  city: string;
  country: string;
  languages: string[];
  contactName: string;
  contactEmail: string;
  message: string;
}

export type ApplicationField = keyof GroupApplication;
export const APPLICATION_FIELDS: readonly ApplicationField[] = [
  'proposedName',
  'city',
  'country',
  'languages',
  'contactName',
  'contactEmail',
  'message',
];

/** What is wrong with a field, as a message key suffix (`form.error.<problem>`). */
export type FieldProblem = 'required' | 'tooLong' | 'tooShort' | 'email' | 'country' | 'languages' | 'invalid';
export type FieldErrors = Partial<Record<ApplicationField, FieldProblem>>;

const LIMITS: Record<Exclude<ApplicationField, 'languages' | 'country'>, { min: number; max: number }> = {
  proposedName: { min: 3, max: 120 },
  city: { min: 1, max: 120 },
  contactName: { min: 1, max: 120 },
  contactEmail: { min: 3, max: 254 },
  message: { min: 20, max: 5000 },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Nobody types these, and PostgreSQL refuses a NUL in text: an application carrying one was lost with a 503.
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The raw values of the form, as strings (languages as a list), without control characters other than tabs and line breaks. */
export function readApplication(form: FormData): Record<ApplicationField, string | string[]> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.replace(CONTROL_CHARACTERS, '').trim() : '';
  };
  const languages = form
    .getAll('languages')
    .flatMap((value) => (typeof value === 'string' ? value.split(',') : []))
    .map((value) => value.trim())
    .filter(Boolean);
  return {
    proposedName: text('proposedName'),
    city: text('city'),
    country: text('country').toUpperCase(),
    languages,
    contactName: text('contactName'),
    contactEmail: text('contactEmail'),
    message: text('message'),
  };
}

/** Checks an application the way the CMS will, so the visitor hears about mistakes at once. */
export function validateApplication(
  raw: Record<ApplicationField, string | string[]>,
): { ok: true; value: GroupApplication } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const value = {} as GroupApplication;
  for (const [field, { min, max }] of Object.entries(LIMITS) as [keyof typeof LIMITS, { min: number; max: number }][]) {
    const text = typeof raw[field] === 'string' ? raw[field] : '';
    if (!text) errors[field] = 'required';
    else if (text.length > max) errors[field] = 'tooLong';
    else if (text.length < min) errors[field] = 'tooShort';
    value[field] = text;
  }
  if (!errors.contactEmail && !EMAIL.test(value.contactEmail)) errors.contactEmail = 'email';
  const country = typeof raw.country === 'string' ? raw.country : '';
  if (!country) errors.country = 'required';
  else if (!isCountryCode(country)) errors.country = 'country';
  value.country = country;
  const tags = (Array.isArray(raw.languages) ? raw.languages : [raw.languages]).filter(Boolean);
  const languages = tags.map((tag) => normalizeLanguageTag(tag));
  if (!tags.length) errors.languages = 'required';
  else if (languages.some((tag) => !tag) || tags.length > 10) errors.languages = 'languages';
  value.languages = [...new Set(languages.filter((tag): tag is string => Boolean(tag)))];
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

/**
 * The fields a CMS 400 message names: the CMS says e.g. "contactEmail must be a valid
 * e-mail; languages.0 is not a language tag". Unnamed problems are left to the caller.
 */
export function fieldsNamedIn(message: string): ApplicationField[] {
  return APPLICATION_FIELDS.filter((field) => new RegExp(`\\b${field}\\b`).test(message));
}
