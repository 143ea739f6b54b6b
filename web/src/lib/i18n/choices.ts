import { COUNTRY_CODES } from '@chapterhouse/config';
import { SEARCHABLE_LANGUAGES } from '$lib/directory-query';
import { countryName, languageName } from './translate';

export interface Choice {
  code: string;
  name: string;
}

const countries = new Map<string, Choice[]>();
const languages = new Map<string, Choice[]>();

const byName = (locale: string) => (a: Choice, b: Choice) => a.name.localeCompare(b.name, locale);

/** Every country, named and sorted in `locale`: made once per locale, not once per page. */
export function countryChoices(locale: string): Choice[] {
  let list = countries.get(locale);
  if (!list) {
    list = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort(byName(locale));
    countries.set(locale, list);
  }
  return list;
}

/** The languages a directory filter offers (without regional variants), named and sorted in `locale`. */
export function languageChoices(locale: string): Choice[] {
  let list = languages.get(locale);
  if (!list) {
    list = SEARCHABLE_LANGUAGES.filter((code) => !code.includes('-'))
      .map((code) => ({ code, name: languageName(code, locale) }))
      .sort(byName(locale));
    languages.set(locale, list);
  }
  return list;
}
