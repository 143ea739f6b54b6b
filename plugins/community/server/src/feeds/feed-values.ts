/** Readers for the loosely typed values an XML-to-object parser gives for feed elements. */

/** The text of an element value: a string, or the character data of an element with attributes. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { _?: unknown })._ === 'string') return (value as { _: string })._;
  return null;
}

/** The first element of a kept array, or the value itself. */
export function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** An element's attributes. */
export function attributes(value: unknown): Record<string, string> {
  const attrs = value && typeof value === 'object' ? (value as { $?: unknown }).$ : undefined;
  return attrs && typeof attrs === 'object' ? (attrs as Record<string, string>) : {};
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/** A feed date as an ISO UTC instant; null when missing or unreadable. */
export function isoDate(value: unknown): string | null {
  const raw = text(value)?.trim();
  if (!raw) return null;
  // RFC 822 dates sometimes carry zone names JavaScript does not know; the numeric part is enough.
  const candidates = [raw, raw.replace(/\s+\(?[A-Z]{3,5}\)?$/, ' GMT')];
  for (const candidate of candidates) {
    const time = Date.parse(candidate);
    if (Number.isNaN(time)) continue;
    const year = new Date(time).getUTCFullYear();
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    return new Date(time).toISOString();
  }
  return null;
}

const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** A BCP 47 tag in canonical case (`en-us` → `en-US`, `pt_BR` → `pt-BR`); null when not one. */
export function languageTag(value: unknown): string | null {
  const raw = text(value)?.trim().replace(/_/g, '-');
  if (!raw || !LANGUAGE_TAG.test(raw)) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(raw);
    return canonical && canonical.length <= 35 ? canonical : null;
  } catch {
    return null;
  }
}

/**
 * A person's name from an author field: "jane@example.org (Jane Doe)" gives "Jane Doe";
 * a bare e-mail address gives null, since it is not a name to show.
 */
export function authorName(value: unknown): string | null {
  const name = text(first(value)) ?? text(first((first(value) as { name?: unknown } | undefined)?.name));
  const raw = name?.replace(/\s+/g, ' ').trim();
  if (!raw) return null;
  const inParens = /^\S+@\S+\s*\((.+)\)$/.exec(raw);
  const result = (inParens ? inParens[1]! : raw).replace(/^["'“]+|["'”]+$/g, '').trim();
  if (!result || /^\S+@\S+\.\S+$/.test(result)) return null;
  return result.slice(0, 300);
}
