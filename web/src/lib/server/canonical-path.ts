import { slugIgnoringCase } from '@chapterhouse/config';

/**
 * The address of the same page with its slug in lower case when the visitor's address
 * spells it otherwise (`/en/groups/Paris-User-Group`), or null when it is canonical.
 * Routes map path segments one to one, so the slug sits where the route id has it.
 */
export function lowerCaseSlugAddress(routeId: string | null, url: URL, slug: string | undefined): string | null {
  const canonical = slugIgnoringCase(slug);
  if (!routeId || !canonical || canonical === slug) return null;
  const position = routeId.split('/').findIndex((segment) => segment.startsWith('[slug'));
  const segments = url.pathname.split('/');
  if (position < 1 || position >= segments.length) return null;
  segments[position] = canonical;
  return `${segments.join('/')}${url.search}`;
}
