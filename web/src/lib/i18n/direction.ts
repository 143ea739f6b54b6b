import { textDirection } from '@chapterhouse/config';
import { listFormat } from '$lib/intl';

/**
 * The `dir` of a text in `textLocale` shown on a page in `pageLocale`: its own direction where
 * that differs from the page's, nothing where it is the same, and `auto` (by its first letters)
 * when its language is unknown.
 */
export function dirOf(textLocale: string | null | undefined, pageLocale: string): 'ltr' | 'rtl' | 'auto' | undefined {
  if (!textLocale) return 'auto';
  const direction = textDirection(textLocale);
  return direction === textDirection(pageLocale) ? undefined : direction;
}

/** Items listed the reader's way, as parts: each item (a name to isolate) and the words between them. */
export function listParts(items: string[], locale: string): { value: string; item: boolean }[] {
  return listFormat(locale, { type: 'conjunction' })
    .formatToParts(items)
    .map((part) => ({ value: part.value, item: part.type === 'element' }));
}
