import { displayNames, numberFormat, pluralRules } from '$lib/intl';
import { fallbackChain } from '@chapterhouse/config';
import type { Catalog, Message, MessageKey } from './messages';

export type MessageParams = Record<string, string | number>;
export type Translate = (locale: string, key: MessageKey, params?: MessageParams) => string;

function pick(message: Message, locale: string, count: unknown): string {
  if (typeof message === 'string') return message;
  const form = typeof count === 'number' ? pluralRules(locale).select(count) : 'other';
  return message[form] ?? message.other;
}

function interpolate(text: string, locale: string, params: MessageParams): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat(locale).format(value) : value;
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
 * those of the page's locale and its fallbacks, which arrive with the layout data, so
 * the other languages' strings are never shipped as code.
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
