import { DEFAULT_LOCALE, fallbackChain, findLocale } from './locales';

/** One document as the API returns it: its attributes keyed by name. */
export type Doc = Record<string, unknown> & { documentId?: string; locale?: string | null };

export interface Served<T extends Doc> {
  doc: T;
  /** The locale the document's texts are in. */
  locale: string;
}

/**
 * Overlays each base document (the default-locale version, which carries the
 * relations and shared fields) with the localized attributes of the best version
 * along the chain. Versions are keyed by locale; a locale absent from the map or
 * lacking the document is skipped.
 */
export function overlayTranslations<T extends Doc>(
  base: T[],
  versions: ReadonlyMap<string, readonly Doc[]>,
  chain: readonly string[],
  localizedKeys: readonly string[],
  baseLocale: string,
): Served<T>[] {
  const index = new Map<string, Map<string, Doc>>();
  for (const [locale, docs] of versions) {
    index.set(locale, new Map(docs.map((d) => [String(d.documentId), d])));
  }
  return base.map((doc) => {
    for (const locale of chain) {
      if (locale === baseLocale) return { doc, locale };
      const version = index.get(locale)?.get(String(doc.documentId));
      if (!version) continue;
      const merged: Doc = { ...doc };
      for (const key of localizedKeys) {
        if (key in version) merged[key] = version[key];
      }
      merged.locale = locale;
      return { doc: merged as T, locale };
    }
    return { doc, locale: baseLocale };
  });
}

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
