/** Lower case without accents, so that "reunion" finds "Réunion" and "STRASSE" finds "straße". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und').replace(/ß/g, 'ss');
}

/** Whether every word of `query` appears in one of `texts` (accents and case aside). */
export function matchesText(query: string, texts: (string | null | undefined)[]): boolean {
  const haystack = foldText(texts.filter(Boolean).join('\n'));
  return foldText(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
