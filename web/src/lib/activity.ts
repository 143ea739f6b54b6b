/** True when a BCP 47 tag is in the visitor's language (`pt` and `pt-BR` count for `pt-BR`). */
export function sameLanguage(tag: string | null | undefined, locale: string): boolean {
  if (!tag) return false;
  return tag.split('-')[0]!.toLowerCase() === locale.split('-')[0]!.toLowerCase();
}

/** Items in the visitor's language first, then the others; each part keeps its order. */
export function languageFirst<T extends { language: string | null }>(items: readonly T[], locale: string): T[] {
  return [...items.filter((item) => sameLanguage(item.language, locale)), ...items.filter((item) => !sameLanguage(item.language, locale))];
}
