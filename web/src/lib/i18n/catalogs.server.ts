import { fallbackChain } from '@chapterhouse/config';
import { MESSAGES } from './messages';
import type { Catalog } from './messages';

/** The catalogs a page in `locale` needs: its own and those of its fallback chain. */
export function catalogsFor(locale: string): Record<string, Catalog> {
  return Object.fromEntries(fallbackChain(locale).flatMap((code) => (MESSAGES[code] ? [[code, MESSAGES[code]]] : [])));
}

export { MESSAGES };
