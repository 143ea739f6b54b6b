/** True when a BCP 47 tag is in the visitor's language (`pt` and `pt-BR` count for `pt-BR`). */
export function sameLanguage(tag: string | null | undefined, locale: string): boolean {
  if (!tag) return false;
  return tag.split('-')[0]!.toLowerCase() === locale.split('-')[0]!.toLowerCase();
}

/** Items in the visitor's language first, then the others; each part keeps its order. */
export function languageFirst<T extends { language: string | null }>(items: readonly T[], locale: string): T[] {
  return [...items.filter((item) => sameLanguage(item.language, locale)), ...items.filter((item) => !sameLanguage(item.language, locale))];
}

/**
 * The latest activity as the home page shows it: the visitor's language first, and at most
 * `perKind` items of each kind, so that new groups, events, posts and photos all get a place.
 */
export function latestMix<T extends { kind: string; language: string | null }>(items: readonly T[], locale: string, perKind: number): T[] {
  const taken = new Map<string, number>();
  return languageFirst(items, locale).filter((item) => {
    const count = taken.get(item.kind) ?? 0;
    taken.set(item.kind, count + 1);
    return count < perKind;
  });
}
