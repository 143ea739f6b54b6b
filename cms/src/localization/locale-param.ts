import { DEFAULT_LOCALE, fallbackChain, findLocale } from '@chapterhouse/config';

export interface LocaleRequest {
  /** The tag as the client asked for it (normalised when it is an offered locale). */
  requested: string;
  /** Offered locales to try, best first, ending with the default. */
  chain: string[];
}

/**
 * Reads the `locale` query parameter. Any well-formed BCP 47 tag is accepted: one
 * that is not offered is served along its fallback chain. Returns a message when
 * the value is malformed.
 */
export function readLocaleParam(value: unknown): LocaleRequest | string {
  if (value === undefined || value === '') return { requested: DEFAULT_LOCALE, chain: [DEFAULT_LOCALE] };
  if (typeof value !== 'string' || !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/.test(value)) {
    return 'locale must be a single language tag such as "fr" or "pt-BR"';
  }
  return { requested: findLocale(value) ?? value, chain: fallbackChain(value) };
}
