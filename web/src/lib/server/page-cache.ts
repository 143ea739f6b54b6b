/** A rendered answer kept for reuse: its status, headers (without cookies) and bytes. */
interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  /** The content version and the minute it was rendered in. */
  version: string;
  minute: number;
}

const MAX_PAGES = 2000;
/** Every query string is a page of its own: the bytes kept are bounded, not only the pages. */
const MAX_BYTES = 64 * 1024 * 1024;

/** Routes that are someone's own: a member's pages, a reset code's page and the return from a provider's sign-in. */
const PERSONAL_ROUTES = /^\/(\[locale=locale\]\/(account|my-groups|reset-password)(\/|$)|auth\/|sign-out$)/;

/**
 * Whether an answer may be reused for other visitors: public GET pages of a route, but
 * not the language negotiation at `/`, nor forms (each carries its own signed stamp), nor
 * the map points (which revalidate on their own), nor a member's own pages.
 */
export function isCacheable(event: { request: Request; route: { id: string | null } }): boolean {
  if (event.request.method !== 'GET' || !event.route.id) return false;
  const route = event.route.id;
  return route !== '/' && !route.includes('start-a-group') && !route.startsWith('/map/') && !PERSONAL_ROUTES.test(route);
}

const minuteOf = (now: number) => Math.floor(now / 60_000);

function toResponse(page: CachedPage): Response {
  return new Response(page.body.slice(), { status: page.status, headers: page.headers });
}

/**
 * Rendered public pages by URL. A page is current while the CMS content version and the
 * minute (pages say what is upcoming) are those it was rendered in. When it is not, one
 * request renders it again while the others get the previous rendering meanwhile, so a
 * new minute or a publish costs one render per page, not one per waiting visitor.
 */
export class PageCache {
  readonly #pages = new Map<string, CachedPage>();
  readonly #rendering = new Map<string, Promise<void>>();
  #bytes = 0;

  constructor(
    private readonly maxPages = MAX_PAGES,
    private readonly maxBytes = MAX_BYTES,
  ) {}

  /**
   * The page at `url` for content `version`: the kept one when it is current, or when
   * another request is rendering it already; otherwise `render()`'s answer, kept for reuse.
   * `reused` tells whether the answer is a kept copy (so the caller adds per-visitor headers).
   */
  async serve(
    version: string,
    url: URL,
    render: () => Promise<Response> | Response,
    now = Date.now(),
  ): Promise<{ response: Response; reused: boolean }> {
    const path = `${url.pathname}${url.search}`;
    const kept = this.#pages.get(path);
    if (kept && kept.version === version && kept.minute === minuteOf(now)) return { response: toResponse(kept), reused: true };

    const inFlight = this.#rendering.get(path);
    if (inFlight) {
      if (kept) return { response: toResponse(kept), reused: true };
      await inFlight;
      const rendered = this.#pages.get(path);
      if (rendered && rendered.version === version) return { response: toResponse(rendered), reused: true };
    }

    let done = () => {};
    this.#rendering.set(path, new Promise<void>((resolve) => (done = resolve)));
    try {
      return { response: await this.#keep(path, version, minuteOf(now), await render()), reused: false };
    } finally {
      this.#rendering.delete(path);
      done();
    }
  }

  /** Keeps a successful HTML or JSON answer and gives back an equivalent one to send. */
  async #keep(path: string, version: string, minute: number, response: Response): Promise<Response> {
    const type = response.headers.get('content-type') ?? '';
    if (response.status !== 200 || !/^(text\/html|application\/json)/.test(type)) return response;
    const body = new Uint8Array(await response.arrayBuffer());
    const headers = [...response.headers].filter(([name]) => name.toLowerCase() !== 'set-cookie');
    this.#forget(path);
    if (body.byteLength <= this.maxBytes) {
      this.#pages.set(path, { status: response.status, headers, body, version, minute });
      this.#bytes += body.byteLength;
    }
    while (this.#pages.size > this.maxPages || this.#bytes > this.maxBytes) this.#forget(this.#pages.keys().next().value as string);
    return new Response(body, { status: response.status, headers: response.headers });
  }

  #forget(path: string) {
    const page = this.#pages.get(path);
    if (!page) return;
    this.#bytes -= page.body.byteLength;
    this.#pages.delete(path);
  }
}
