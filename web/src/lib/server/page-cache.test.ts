import { describe, expect, it } from 'vitest';
import { cachedPage, isCacheable, keepPage, pageKey } from './page-cache';

const event = (method: string, route: string | null, path = '/en') => ({
  request: new Request(`http://site.test${path}`, { method }),
  route: { id: route },
  url: new URL(`http://site.test${path}`),
});

describe('page cache', () => {
  it('reuses public GET pages only', () => {
    expect(isCacheable(event('GET', '/[locale=locale]/groups'))).toBe(true);
    expect(isCacheable(event('POST', '/[locale=locale]/groups'))).toBe(false);
    expect(isCacheable(event('GET', '/[locale=locale]/start-a-group'))).toBe(false);
    expect(isCacheable(event('GET', '/'))).toBe(false);
    expect(isCacheable(event('GET', '/map/points.json'))).toBe(false);
    expect(isCacheable(event('GET', null))).toBe(false);
  });

  it('keys pages by content version, minute and full URL', () => {
    const url = new URL('http://site.test/fr/groups?q=paris');
    const at = Date.UTC(2027, 0, 1, 10, 0, 30);
    expect(pageKey('v1', url, at)).toBe(pageKey('v1', url, at + 20_000));
    expect(pageKey('v1', url, at)).not.toBe(pageKey('v1', url, at + 40_000));
    expect(pageKey('v1', url, at)).not.toBe(pageKey('v2', url, at));
    expect(pageKey('v1', url, at)).not.toBe(pageKey('v1', new URL('http://site.test/fr/groups?q=lyon'), at));
  });

  it('keeps a successful page without its cookies, and nothing else', async () => {
    const page = new Response('<p>hello</p>', { headers: { 'content-type': 'text/html', 'set-cookie': 'locale=fr' } });
    const sent = await keepPage('k1', page);
    expect(await sent.text()).toBe('<p>hello</p>');
    expect(sent.headers.get('set-cookie')).toBe('locale=fr');
    const again = cachedPage('k1')!;
    expect(await again.text()).toBe('<p>hello</p>');
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(again.headers.get('content-type')).toBe('text/html');

    await keepPage('k2', new Response('missing', { status: 404, headers: { 'content-type': 'text/html' } }));
    await keepPage('k3', new Response('binary', { headers: { 'content-type': 'text/calendar' } }));
    expect(cachedPage('k2')).toBeUndefined();
    expect(cachedPage('k3')).toBeUndefined();
  });
});
