/**
 * Pure parts of filtering and sorting on translated fields: which texts a client means
 * (the ones it is served, along its locale's fallback chain) and how they compare.
 */

export interface SortKey {
  /** Attribute names from the listed type: `['title']`, `['group', 'name']`. */
  path: string[];
  order: 'asc' | 'desc';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Strapi's sort parameter in any of its spellings (`a:desc,b`, `[a:desc]`, `{ a: 'desc' }`, `{ group: { name: 'asc' } }`) as a list of keys. */
export function sortKeys(sort: unknown): SortKey[] {
  const fromText = (text: string): SortKey[] =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [field = '', order = 'asc'] = part.split(':');
        return { path: field.split('.'), order: order.toLowerCase() === 'desc' ? 'desc' : 'asc' };
      });
  const fromObject = (value: Record<string, unknown>, prefix: string[]): SortKey[] =>
    Object.entries(value).flatMap(([key, inner]) =>
      isRecord(inner)
        ? fromObject(inner, [...prefix, key])
        : [{ path: [...prefix, key], order: String(inner).toLowerCase() === 'desc' ? ('desc' as const) : ('asc' as const) }],
    );
  if (typeof sort === 'string') return fromText(sort);
  if (Array.isArray(sort)) return sort.flatMap((item) => sortKeys(item));
  if (isRecord(sort)) return fromObject(sort, []);
  return [];
}

/**
 * The documents whose served texts match a condition. `matches` lists, per locale of the
 * chain (best first, the default last), the documents whose version in that locale matches;
 * `present` lists, per locale before the default, which of the other candidates have a
 * version there. A document is served in the first locale it has a version in, so it
 * matches when that version does.
 */
export function servedMatches(chain: readonly string[], matches: ReadonlyMap<string, readonly string[]>, present: ReadonlyMap<string, readonly string[]>): Set<string> {
  const shadowed = new Set<string>();
  const result = new Set<string>();
  for (const locale of chain) {
    for (const id of matches.get(locale) ?? []) if (!shadowed.has(id)) result.add(id);
    for (const id of present.get(locale) ?? []) shadowed.add(id);
    for (const id of matches.get(locale) ?? []) shadowed.add(id);
  }
  return result;
}

/**
 * Compares two documents' sort values: texts by the requested language's collation,
 * numbers, dates and booleans by value; a missing value sorts after every other in
 * ascending order (as PostgreSQL does) and before them in descending order.
 */
export function sortComparator(keys: readonly SortKey[], valueOf: (doc: unknown, key: SortKey) => unknown, locale: string) {
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(locale, { numeric: true });
  } catch {
    collator = new Intl.Collator('en', { numeric: true });
  }
  const compareValues = (a: unknown, b: unknown): number => {
    const missingA = a === null || a === undefined;
    const missingB = b === null || b === undefined;
    if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
    if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
    const numeric = (value: unknown) => (value instanceof Date ? value.getTime() : Number(value));
    return numeric(a) - numeric(b);
  };
  return (a: unknown, b: unknown): number => {
    for (const key of keys) {
      const order = compareValues(valueOf(a, key), valueOf(b, key));
      if (order !== 0) return key.order === 'desc' ? -order : order;
    }
    return 0;
  };
}
