import { displayNames, listFormat, numberFormat, pluralRules } from '$lib/intl';
import { fallbackChain, textDirection } from '@chapterhouse/config';
import type { Catalog, Message, MessageKey } from './messages';

export type MessageParams = Record<string, string | number>;
export type Translate = (locale: string, key: MessageKey, params?: MessageParams) => string;

function pick(message: Message, locale: string, count: unknown): string {
  if (typeof message === 'string') return message;
  const form = typeof count === 'number' ? pluralRules(locale).select(count) : 'other';
  return message[form] ?? message.other;
}

/** Unicode's first-strong isolate and pop directional isolate: the plain-text `<bdi>`. */
const FSI = '\u2068';
const PDI = '\u2069';

function interpolate(text: string, locale: string, params: MessageParams): string {
  // In a right-to-left sentence a Latin name would take the punctuation at its edges
  // along into the sentence's order ("C++" shown as "++C"): each text value is isolated.
  const isolate = textDirection(locale) === 'rtl';
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return numberFormat(locale).format(value);
    return isolate ? `${FSI}${value}${PDI}` : value;
  });
}

/** A translator over the given catalogs: each key is looked up along the locale's fallback chain. */
export function createTranslator(catalogs: Readonly<Record<string, Catalog>>): Translate {
  return (locale, key, params = {}) => {
    for (const code of fallbackChain(locale)) {
      const message = catalogs[code]?.[key];
      if (message !== undefined) return interpolate(pick(message, code, params.count), code, params);
    }
    return key;
  };
}

const registered: Record<string, Catalog> = {};

/**
 * Makes catalogs available to `t`. The server registers all of them; the browser only
 * those of the page's locale and its fallbacks, each fetched as its own script
 * (catalog-chunks.ts), so the other languages' strings are never shipped.
 */
export function registerCatalogs(catalogs: Readonly<Record<string, Catalog>>): void {
  Object.assign(registered, catalogs);
}

export const t: Translate = createTranslator(registered);

/** The name of a language in the reader's language, e.g. `en` read in `fr` → "anglais". */
export function languageName(code: string, inLocale: string): string {
  try {
    return displayNames([inLocale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The name of an ISO 3166 country code in the reader's language, e.g. `DE` read in `fr` → "Allemagne". */
export function countryName(code: string, inLocale: string): string {
  try {
    return displayNames([inLocale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Where a group is: its city and its country's name, either alone, as the reader's language joins them. */
export function placeName(city: string | null | undefined, country: string | null | undefined, locale: string): string {
  const countryText = country ? countryName(country, locale) : '';
  if (city && countryText) return t(locale, 'groups.place', { city, country: countryText });
  return city || countryText;
}

/** Items joined as the reader's language lists them: "French and English", "الفرنسية والإنجليزية". */
export function listOf(items: string[], locale: string): string {
  return listFormat(locale, { type: 'conjunction' }).format(items);
}
