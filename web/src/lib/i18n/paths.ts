import { LOCALE_CODES } from '@chapterhouse/config';

/**
 * The same page in another locale: swaps the locale prefix of `pathname`, or prefixes
 * it when it has none. `/fr/groups` → `/de/groups`, `/` → `/de`.
 */
export function localizePath(pathname: string, locale: string): string {
  const [, first = '', ...rest] = pathname.split('/');
  const tail = LOCALE_CODES.includes(first) ? rest : [first, ...rest].filter(Boolean);
  return ['', locale, ...tail].join('/');
}
