/** A rendered answer kept for reuse: its status, headers (without cookies) and bytes. */
interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

const MAX_PAGES = 1000;
const pages = new Map<string, CachedPage>();

/**
 * Whether an answer may be reused for other visitors: public GET pages of a route, but
 * not the language negotiation at `/`, nor forms (each carries its own signed stamp), nor
 * the map points (which revalidate on their own).
 */
export function isCacheable(event: { request: Request; route: { id: string | null } }): boolean {
  if (event.request.method !== 'GET' || !event.route.id) return false;
  const route = event.route.id;
  return route !== '/' && !route.includes('start-a-group') && !route.startsWith('/map/');
}

/**
 * The key of a page: the CMS content version it was rendered from, the current minute
 * (pages say what is upcoming, which changes with time) and the URL.
 */
export function pageKey(version: string, url: URL, now = Date.now()): string {
  return `${version} ${Math.floor(now / 60_000)} ${url.pathname}${url.search}`;
}

export function cachedPage(key: string): Response | undefined {
  const page = pages.get(key);
  if (!page) return undefined;
  return new Response(page.body.slice(), { status: page.status, headers: page.headers });
}

/** Keeps a successful HTML or JSON answer and gives back an equivalent one to send. */
export async function keepPage(key: string, response: Response): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !/^(text\/html|application\/json)/.test(type)) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = [...response.headers].filter(([name]) => name.toLowerCase() !== 'set-cookie');
  pages.set(key, { status: response.status, headers, body });
  if (pages.size > MAX_PAGES) pages.delete(pages.keys().next().value as string);
  return new Response(body, { status: response.status, headers: response.headers });
}
