/**
 * Shared Intl formatters. Building one costs far more than using it (a DateTimeFormat
 * about a quarter of a millisecond), and a page formats hundreds of dates and names, so
 * each distinct formatter is built once per process.
 */
const formatters = new Map<string, unknown>();

function reuse<T>(key: string, build: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}) =>
  reuse(`dt ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  reuse(`n ${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

export const pluralRules = (locale: string) => reuse(`p ${locale}`, () => new Intl.PluralRules(locale));

export const displayNames = (locales: string[], options: Intl.DisplayNamesOptions) =>
  reuse(`dn ${locales.join(',')} ${JSON.stringify(options)}`, () => new Intl.DisplayNames(locales, options));

export const collator = (locale: string, options: Intl.CollatorOptions = {}) =>
  reuse(`c ${locale} ${JSON.stringify(options)}`, () => new Intl.Collator(locale, options));

export const listFormat = (locale: string, options: Intl.ListFormatOptions = {}) =>
  reuse(`l ${locale} ${JSON.stringify(options)}`, () => new Intl.ListFormat(locale, options));
