import { describe, expect, it } from 'vitest';
import { cachePolicy, isPersonal, SESSION_COOKIE } from './cache-policy';

const page = (headers: Record<string, string> = {}, status = 200) => new Response('<p>page</p>', { status, headers });
const anonymous = { method: 'GET', personal: false, shared: true, negotiated: false };

describe('isPersonal', () => {
  it('takes a session cookie or credentials for a personal request, a language cookie not', () => {
    const request = (headers: Record<string, string>) => new Request('http://site.example/en/groups', { headers });
    expect(isPersonal(request({ cookie: `locale=fr; ${SESSION_COOKIE}=abc` }))).toBe(true);
    expect(isPersonal(request({ authorization: 'Bearer x' }))).toBe(true);
    expect(isPersonal(request({ cookie: 'locale=fr' }))).toBe(false);
    expect(isPersonal(request({ cookie: `not_${SESSION_COOKIE}=abc` }))).toBe(false);
  });
});

describe('cachePolicy', () => {
  it('lets a shared cache keep an anonymous public page briefly and serve it stale while revalidating', () => {
    expect(cachePolicy(page(), anonymous)).toEqual([['cache-control', 'public, max-age=0, s-maxage=10, stale-while-revalidate=30']]);
  });

  it('keeps personal answers and answers that set a cookie private and out of every cache', () => {
    expect(cachePolicy(page({ 'cache-control': 'public, max-age=600' }), { ...anonymous, personal: true })).toEqual([['cache-control', 'private, no-store']]);
    expect(cachePolicy(page({ 'set-cookie': 'locale=fr; Path=/' }), anonymous)).toEqual([['cache-control', 'private, no-store']]);
  });

  it('stores neither forms nor the language choice, and keeps what a route chose itself', () => {
    expect(cachePolicy(page(), { ...anonymous, shared: false })).toEqual([['cache-control', 'no-store']]);
    expect(cachePolicy(page({}, 303), { ...anonymous, shared: false, negotiated: true })).toEqual([
      ['cache-control', 'no-store'],
      ['vary', 'Accept-Language, Cookie'],
    ]);
    expect(cachePolicy(page({ 'cache-control': 'public, max-age=300' }), anonymous)).toEqual([]);
    expect(cachePolicy(page(), { ...anonymous, method: 'POST' })).toEqual([]);
  });
});
