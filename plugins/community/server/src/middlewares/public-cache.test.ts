import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import publicAnswers from '../services/public-answers';
import cachedRead from './cached-read';
import publicCache from './public-cache';

/**
 * A Strapi with what the cache middlewares read: the byte budget, the real answer store,
 * and a content version whose reading from the database is counted.
 */
function fakeStrapi(maxBytes: number) {
  const version = { value: '7', fresh: true as boolean, reads: 0 };
  const strapi: any = {
    config: { get: (key: string) => (key === 'plugin::community.publicCacheBytes' ? maxBytes : undefined) },
  };
  const services: Record<string, unknown> = {
    'content-version': {
      current: async () => {
        version.reads += 1;
        return version.value;
      },
      fresh: () => (version.fresh ? version.value : undefined),
    },
    'public-answers': publicAnswers({ strapi }),
  };
  strapi.plugin = () => ({ service: (name: string) => services[name] });
  strapi.version = version;
  return strapi;
}

/** A Koa-like context for an anonymous GET of `url` sent to `host`. */
function request(url: string, host: string, sent: Record<string, string> = {}) {
  const headers: Record<string, string> = {};
  return {
    method: 'GET',
    url,
    origin: `http://${host}`,
    state: {},
    status: 404,
    _body: undefined as unknown,
    // As in Koa, setting a body makes the answer a 200 unless a status was chosen.
    get body() {
      return this._body;
    },
    set body(value: unknown) {
      if (value !== null && value !== undefined && this.status === 404) this.status = 200;
      this._body = value;
    },
    type: '',
    get: (field: string) => (field.toLowerCase() === 'host' ? host : (sent[field.toLowerCase()] ?? '')),
    set: (field: string, value: string) => {
      headers[field.toLowerCase()] = value;
    },
    vary: () => {},
    response: { get: (field: string) => headers[field.toLowerCase()] ?? '' },
    headers,
  };
}

function answering(body: unknown) {
  let calls = 0;
  const next = async function (this: void) {
    calls += 1;
  };
  return {
    calls: () => calls,
    run: async (mw: (ctx: any, next: () => Promise<void>) => Promise<void>, ctx: ReturnType<typeof request>) =>
      mw(ctx, async () => {
        await next();
        ctx.status = 200;
        ctx.body = body;
      }),
  };
}

describe('the public read cache', () => {
  it('asks the controller again once an answer that depends on the clock has run out', async () => {
    const mw = publicCache({}, { strapi: fakeStrapi(8 * 2 ** 20) }) as any;
    let calls = 0;
    let freshFor = 60_000;
    const run = (ctx: ReturnType<typeof request>) =>
      mw(ctx, async () => {
        calls += 1;
        (ctx.state as { freshUntil?: number }).freshUntil = Date.now() + freshFor;
        ctx.status = 200;
        ctx.body = { data: [calls] };
      });
    await run(request('/api/events', 'h'));
    await run(request('/api/events', 'h'));
    expect(calls).toBe(1);
    // An answer whose next occurrence has ended is not served again.
    freshFor = -1;
    await run(request('/api/events?page=2', 'h'));
    const again = request('/api/events?page=2', 'h');
    await run(again);
    expect(calls).toBe(3);
    expect(JSON.parse(String(again.body))).toEqual({ data: [3] });
  });

  it('keeps one answer per URL whatever Host it was asked by', async () => {
    const mw = publicCache({}, { strapi: fakeStrapi(8 * 2 ** 20) }) as any;
    const controller = answering({ data: [1, 2, 3] });
    for (const host of ['cms.example.org', 'evil.example', 'a.example', 'b.example']) {
      const ctx = request('/api/groups', host);
      await controller.run(mw, ctx);
      expect(ctx.status).toBe(200);
    }
    expect(controller.calls()).toBe(1);
  });

  it('holds at most its byte budget, dropping the least recently used answers first', async () => {
    const mw = publicCache({}, { strapi: fakeStrapi(2 ** 20) }) as any;
    // Each answer is about 93 KB of JSON, counted twice (plain, and gzipped when asked): about 190 KB.
    const big = () => ({ data: randomBytes(70 * 1024).toString('base64') });
    const controllers = Array.from({ length: 6 }, () => answering(big()));
    for (const [n, controller] of controllers.entries()) await controller.run(mw, request(`/api/page-${n}`, 'h'));
    // Six answers of ~190 KB do not fit in 1 MiB: the first ones were dropped, the last is kept.
    await controllers[5]!.run(mw, request('/api/page-5', 'h'));
    expect(controllers[5]!.calls()).toBe(1);
    await controllers[0]!.run(mw, request('/api/page-0', 'h'));
    expect(controllers[0]!.calls()).toBe(2);
  });

  it('refuses a JSON answer larger than 4 MiB with a 400 that says what to ask for', async () => {
    const mw = publicCache({}, { strapi: fakeStrapi(64 * 2 ** 20) }) as any;
    const ctx = request('/api/resources?pagination[pageSize]=100', 'h');
    await answering({ data: 'x'.repeat(5 * 2 ** 20) }).run(mw, ctx);
    expect(ctx.status).toBe(400);
    expect((ctx.body as { error: { message: string } }).error.message).toMatch(/larger than 4 MiB: ask for fewer items/);
  });
});

describe('answering before the other middlewares', () => {
  it('serves a kept answer without the rest of the stack and without reading the version from the database', async () => {
    const strapi = fakeStrapi(8 * 2 ** 20);
    const route = publicCache({}, { strapi }) as any;
    const early = cachedRead({}, { strapi }) as any;
    const controller = answering({ data: ['kept'] });
    await controller.run(route, request('/api/groups?locale=fr', 'h'));
    const reads = strapi.version.reads;

    let reachedStack = 0;
    const ctx = request('/api/groups?locale=fr', 'h');
    await early(ctx, async () => {
      reachedStack += 1;
    });
    expect(reachedStack).toBe(0);
    expect(ctx.status).toBe(200);
    expect(JSON.parse(String(ctx.body))).toEqual({ data: ['kept'] });
    expect(strapi.version.reads).toBe(reads);
  });

  it('lets the stack answer when the version changed, is not known fresh, or the request carries credentials', async () => {
    const strapi = fakeStrapi(8 * 2 ** 20);
    const route = publicCache({}, { strapi }) as any;
    const early = cachedRead({}, { strapi }) as any;
    await answering({ data: [1] }).run(route, request('/api/groups', 'h'));
    const passes = async (ctx: ReturnType<typeof request>) => {
      let reached = false;
      await early(ctx, async () => {
        reached = true;
      });
      return reached;
    };
    strapi.version.value = '8';
    expect(await passes(request('/api/groups', 'h'))).toBe(true);
    strapi.version.value = '7';
    strapi.version.fresh = false;
    expect(await passes(request('/api/groups', 'h'))).toBe(true);
    strapi.version.fresh = true;
    const withToken = request('/api/groups', 'h', { authorization: 'Bearer x' });
    expect(await passes(withToken)).toBe(true);
    expect(withToken.headers['cache-control']).toBe('private, no-store');
    expect(await passes(request('/api/groups', 'h'))).toBe(false);
  });

  it('marks anonymous answers as a shared cache may keep them, briefly, and serve stale while it revalidates', async () => {
    const strapi = fakeStrapi(8 * 2 ** 20);
    const ctx = request('/api/regions', 'h');
    await answering({ data: [] }).run(publicCache({}, { strapi }) as any, ctx);
    expect(ctx.headers['cache-control']).toBe('public, max-age=0, s-maxage=10, stale-while-revalidate=30');
  });
});

describe('a controller that rewrites the query', () => {
  it('keeps the answer under the URL that was asked, never the rewritten one', async () => {
    const strapi = fakeStrapi(8 * 2 ** 20);
    const route = publicCache({}, { strapi }) as any;
    const asked = request('/api/groups?near=1,2', 'h');
    await route(asked, async () => {
      // As Koa does when a controller sets ctx.query: the URL follows.
      asked.url = '/api/groups';
      asked.status = 200;
      asked.body = { data: ['by distance'] };
    });
    const plain = answering({ data: ['by name'] });
    const other = request('/api/groups', 'h');
    await plain.run(route, other);
    expect(plain.calls()).toBe(1);
    expect(JSON.parse(String(other.body))).toEqual({ data: ['by name'] });
    const again = answering({ data: ['recomputed'] });
    await again.run(route, request('/api/groups?near=1,2', 'h'));
    expect(again.calls()).toBe(0);
  });
});
