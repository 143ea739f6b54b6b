/** HTTP conditional-request and content-coding rules that the CMS and the website both apply. */

/**
 * The first of the current tags (in order of preference) that an If-None-Match header
 * names, the preferred one for `*`, or undefined when the client's copy is stale.
 * Weak prefixes are ignored: If-None-Match uses the weak comparison (RFC 9110).
 */
export function matchingTag(header: string | null | undefined, tags: readonly string[]): string | undefined {
  if (!header) return undefined;
  const listed = header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .filter(Boolean);
  if (listed.includes('*')) return tags[0];
  return tags.find((tag) => listed.includes(tag));
}

/** Whether an Accept-Encoding header accepts gzip (`q=0` refuses it). */
export function acceptsGzip(header: string | null | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding?.trim() !== 'gzip' && coding?.trim() !== 'x-gzip') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** How many seconds a response stays fresh by its Cache-Control header; 0 when it must be revalidated. */
export function freshSeconds(cacheControl: string | null | undefined): number {
  if (!cacheControl) return 0;
  const directives = cacheControl.toLowerCase().split(',').map((d) => d.trim());
  if (directives.some((d) => d === 'no-cache' || d === 'no-store')) return 0;
  const maxAge = directives.find((d) => d.startsWith('max-age='));
  const seconds = maxAge ? Number(maxAge.slice('max-age='.length)) : 0;
  return Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
}

/**
 * Whether an If-Modified-Since header says the client's copy is as new as `lastModified`.
 * HTTP dates have whole seconds; a header that is not a date is ignored (RFC 9110 §13.1.3).
 * Callers ask this only when the request has no If-None-Match, which takes precedence.
 */
export function notModifiedSince(header: string | null | undefined, lastModified: Date): boolean {
  if (!header) return false;
  const since = Date.parse(header);
  if (Number.isNaN(since)) return false;
  return Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
