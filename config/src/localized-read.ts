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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const scalarsOf = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([, v]) => !isObject(v) && !Array.isArray(v)));

/**
 * A translated component value cut to the shape the base value was asked in: the keys it
 * has, nested components only where they were populated (scalars only where nothing shows).
 */
export function shapeLike(value: unknown, template: unknown): unknown {
  if (Array.isArray(value)) {
    const keys = Array.isArray(template) ? new Set(template.filter(isObject).flatMap((item) => Object.keys(item))) : null;
    const sample = Array.isArray(template) ? template.find(isObject) : undefined;
    return value.map((item) => {
      if (!isObject(item)) return item;
      if (!keys?.size) return scalarsOf(item);
      return Object.fromEntries([...keys].filter((key) => key in item).map((key) => [key, shapeLike(item[key], sample?.[key])]));
    });
  }
  if (!isObject(value)) return value;
  if (!isObject(template)) return scalarsOf(value);
  return Object.fromEntries(Object.keys(template).filter((key) => key in value).map((key) => [key, shapeLike(value[key], template[key])]));
}

/**
 * Gives each document (a default-locale version, top-level or populated) the texts of the
 * best published version along the requested chain, in place: only the localized attributes
 * it already carries are replaced, so field selections hold. Each says the `locale` of its
 * texts and `localeFallback` (true when that is not the locale asked for). Versions are keyed
 * by locale; a document no version covers keeps its base texts.
 */
export function localizeInPlace(
  docs: Doc[],
  versions: ReadonlyMap<string, readonly Doc[]>,
  request: LocaleRequest,
  localizedKeys: readonly string[],
  baseLocale: string,
): void {
  const index = new Map<string, Map<string, Doc>>();
  for (const [locale, list] of versions) index.set(locale, new Map(list.map((d) => [String(d.documentId), d])));
  for (const doc of docs) {
    let served = baseLocale;
    for (const locale of request.chain) {
      if (locale === baseLocale) break;
      const version = index.get(locale)?.get(String(doc.documentId));
      if (!version) continue;
      for (const key of localizedKeys) {
        if (key in doc && key in version) doc[key] = shapeLike(version[key], doc[key]);
      }
      served = locale;
      break;
    }
    doc.locale = served;
    doc.localeFallback = served !== request.requested;
  }
}
