import { describe, expect, it } from 'vitest';
import { isCacheable, PageCache } from './page-cache';

const event = (method: string, route: string | null, path = '/en') => ({
  request: new Request(`http://site.test${path}`, { method }),
  route: { id: route },
  url: new URL(`http://site.test${path}`),
});

const html = (text: string, init: ResponseInit = {}) =>
  new Response(text, { ...init, headers: { 'content-type': 'text/html', ...(init.headers ?? {}) } });

/** A render that counts its calls and can be held until released. */
function renderer(text: (n: number) => string, init?: ResponseInit) {
  let calls = 0;
  let release = () => {};
  let gate: Promise<void> | null = null;
  return {
    get calls() {
      return calls;
    },
    hold() {
      gate = new Promise<void>((resolve) => (release = resolve));
    },
    release: () => release(),
    render: async () => {
      calls += 1;
      const n = calls;
      if (gate) await gate;
      return html(text(n), init);
    },
  };
}

const url = new URL('http://site.test/fr/groups?q=paris');
const at = Date.UTC(2027, 0, 1, 10, 0, 30);

describe('isCacheable', () => {
  it('reuses public GET pages only', () => {
    expect(isCacheable(event('GET', '/[locale=locale]/groups'))).toBe(true);
    expect(isCacheable(event('POST', '/[locale=locale]/groups'))).toBe(false);
    expect(isCacheable(event('GET', '/[locale=locale]/start-a-group'))).toBe(false);
    expect(isCacheable(event('GET', '/'))).toBe(false);
    expect(isCacheable(event('GET', '/map/points.json'))).toBe(false);
    expect(isCacheable(event('GET', null))).toBe(false);
  });

  it("never keeps a member's own pages, nor the return from a provider's sign-in", () => {
    for (const route of ['/[locale=locale]/account', '/[locale=locale]/account/export', '/[locale=locale]/my-groups', '/auth/done', '/sign-out']) {
      expect(isCacheable(event('GET', route)), route).toBe(false);
    }
    // Anonymous visitors all see the same sign-in page and group page.
    expect(isCacheable(event('GET', '/[locale=locale]/sign-in'))).toBe(true);
    expect(isCacheable(event('GET', '/[locale=locale]/groups/[slug=slug]'))).toBe(true);
  });
});

describe('PageCache', () => {
  it('reuses a page within the minute and content version it was rendered in', async () => {
    const cache = new PageCache();
    const page = renderer((n) => `render ${n}`);
    expect(await (await cache.serve('v1', url, page.render, at)).response.text()).toBe('render 1');
    const again = await cache.serve('v1', url, page.render, at + 20_000);
    expect(again.reused).toBe(true);
    expect(await again.response.text()).toBe('render 1');
    expect(page.calls).toBe(1);
  });

  it('renders again in a new minute, for a new content version and for another URL', async () => {
    const cache = new PageCache();
    const page = renderer((n) => `render ${n}`);
    await cache.serve('v1', url, page.render, at);
    expect(await (await cache.serve('v1', url, page.render, at + 40_000)).response.text()).toBe('render 2');
    expect(await (await cache.serve('v2', url, page.render, at + 40_000)).response.text()).toBe('render 3');
    expect(await (await cache.serve('v2', new URL('http://site.test/fr/groups?q=lyon'), page.render, at + 40_000)).response.text()).toBe('render 4');
  });

  it('renders a page once for visitors who ask at the same time', async () => {
    const cache = new PageCache();
    const page = renderer((n) => `render ${n}`);
    page.hold();
    const answers = Array.from({ length: 5 }, () => cache.serve('v1', url, page.render, at));
    page.release();
    const texts = await Promise.all(answers.map(async (answer) => (await answer).response.text()));
    expect(texts).toEqual(Array(5).fill('render 1'));
    expect(page.calls).toBe(1);
  });

  it('serves the previous rendering while one request renders the new one', async () => {
    const cache = new PageCache();
    const page = renderer((n) => `render ${n}`);
    await cache.serve('v1', url, page.render, at);
    page.hold();
    const renderingRequest = cache.serve('v2', url, page.render, at);
    const waiting = await cache.serve('v2', url, page.render, at);
    expect(await waiting.response.text()).toBe('render 1');
    page.release();
    expect(await (await renderingRequest).response.text()).toBe('render 2');
    expect(await (await cache.serve('v2', url, page.render, at)).response.text()).toBe('render 2');
  });

  it('keeps a successful page without its cookies, and nothing else', async () => {
    const cache = new PageCache();
    const first = await cache.serve('v1', url, async () => html('<p>hello</p>', { headers: { 'set-cookie': 'locale=fr' } }), at);
    expect(first.response.headers.get('set-cookie')).toBe('locale=fr');
    const again = await cache.serve('v1', url, async () => html('other'), at);
    expect(await again.response.text()).toBe('<p>hello</p>');
    expect(again.response.headers.get('set-cookie')).toBeNull();
    expect(again.response.headers.get('content-type')).toBe('text/html');

    const missing = renderer(() => 'missing', { status: 404 });
    const path404 = new URL('http://site.test/fr/groups/nowhere');
    await cache.serve('v1', path404, missing.render, at);
    await cache.serve('v1', path404, missing.render, at);
    expect(missing.calls).toBe(2);
    const calendar = new URL('http://site.test/fr/events/x/event.ics');
    let calendarRenders = 0;
    const ics = async () => {
      calendarRenders += 1;
      return new Response('BEGIN:VCALENDAR', { headers: { 'content-type': 'text/calendar' } });
    };
    await cache.serve('v1', calendar, ics, at);
    await cache.serve('v1', calendar, ics, at);
    expect(calendarRenders).toBe(2);
  });

  it('forgets the least recently stored pages beyond its size', async () => {
    const cache = new PageCache(2);
    const page = renderer((n) => `render ${n}`);
    for (const q of ['a', 'b', 'c']) await cache.serve('v1', new URL(`http://site.test/en/groups?q=${q}`), page.render, at);
    await cache.serve('v1', new URL('http://site.test/en/groups?q=a'), page.render, at);
    expect(page.calls).toBe(4);
  });

  it('forgets the least recently stored pages beyond its bytes, and keeps no page larger than them all', async () => {
    const cache = new PageCache(100, 25);
    const page = renderer((n) => `render ${n}`.padEnd(10, '.'));
    for (const q of ['a', 'b', 'c']) await cache.serve('v1', new URL(`http://site.test/en/groups?q=${q}`), page.render, at);
    // Three pages of 10 bytes do not fit in 25: the first is gone, the last two are kept.
    await cache.serve('v1', new URL('http://site.test/en/groups?q=c'), page.render, at);
    await cache.serve('v1', new URL('http://site.test/en/groups?q=b'), page.render, at);
    expect(page.calls).toBe(3);
    await cache.serve('v1', new URL('http://site.test/en/groups?q=a'), page.render, at);
    expect(page.calls).toBe(4);

    const huge = renderer(() => 'x'.repeat(26));
    const hugeUrl = new URL('http://site.test/en/map');
    expect(await (await cache.serve('v1', hugeUrl, huge.render, at)).response.text()).toHaveLength(26);
    await cache.serve('v1', hugeUrl, huge.render, at);
    expect(huge.calls).toBe(2);
  });
});
