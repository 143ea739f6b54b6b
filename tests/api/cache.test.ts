import { describe, expect, inject, it } from 'vitest';
import { startFeedServer } from '../fixtures/feed-server';
import { api, editor, requestFrom } from './client';
import { createGroupWithFeeds, deleteGroup, importNow } from './feed-import';

const LIST = '/api/groups?locale=fr&sort[0]=name:asc&pagination[pageSize]=5&fields[0]=name&fields[1]=summary';

describe('cached public reads', () => {
  it('answer with an ETag and a 304 when the client already has them', async () => {
    const first = await api.get(LIST);
    const second = await api.get(LIST);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.body).toEqual(first.body);
    const revalidated = await api.get(LIST, { headers: { 'if-none-match': etag! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
  });

  it('never serve a stale answer after an editor publishes a change', async () => {
    const before = await api.get(LIST);
    const group = before.body.data[0];
    const detail = `/api/groups/${group.documentId}?fields[0]=summary`;
    const cachedDetail = await api.get(detail);
    expect(cachedDetail.body.data.summary).toBe((await api.get(detail)).body.data.summary);

    const summary = `Revised summary ${Date.now()}`;
    expect((await editor.update('api::group.group', group.documentId, { summary })).status).toBe(200);
    // A saved draft is not public yet: the cached answers still hold.
    expect((await api.get(detail)).body.data.summary).toBe(cachedDetail.body.data.summary);
    expect((await editor.publish('api::group.group', group.documentId)).status).toBe(200);

    const after = await api.get(detail);
    expect(after.body.data.summary).toBe(summary);
    const list = await api.get(LIST, { headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(list.status).toBe(200);
    expect(list.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it('count a list once for all its pages, and again after a publish or a removal', async () => {
    const page = (n: number, withCount = true) =>
      api.get(`/api/groups?locale=de&fields[0]=slug&sort[0]=slug:asc&pagination[pageSize]=2&pagination[page]=${n}${withCount ? '' : '&pagination[withCount]=false'}`);
    // The groups counted one by one, from a listing that asks for no count: the expected totals.
    const listed = async () => {
      const rows = (await api.get('/api/groups?locale=de&fields[0]=slug&pagination[pageSize]=100&pagination[withCount]=false')).body.data as unknown[];
      expect(rows.length).toBeLessThan(100);
      return rows.length;
    };
    const before = await listed();
    const first = (await page(1)).body.meta.pagination;
    expect(first).toEqual({ page: 1, pageSize: 2, pageCount: Math.ceil(before / 2), total: before });
    expect((await page(2)).body.meta.pagination).toEqual({ ...first, page: 2 });
    expect((await page(3, false)).body.meta.pagination).toEqual({ page: 3, pageSize: 2 });

    const documentId = await createGroupWithFeeds('cache-counted-group', []);
    let removed = false;
    try {
      // Pages asked before and pages not asked yet say the same, new total.
      expect(await listed()).toBe(before + 1);
      for (const n of [1, 2, 4]) expect((await page(n)).body.meta.pagination.total).toBe(before + 1);
      await deleteGroup(documentId);
      removed = true;
      expect(await listed()).toBe(before);
      for (const n of [1, 5]) expect((await page(n)).body.meta.pagination.total).toBe(before);
    } finally {
      if (!removed) await deleteGroup(documentId);
    }
    const refused = await api.get('/api/groups?pagination[withCount]=maybe');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('withCount');
  });

  it('keep through writes that change nothing public: an application, a draft saved, an import that finds nothing new', async () => {
    const version = async () => (await api.get('/api/community/content-version')).body.version as string;
    const feeds = await startFeedServer({ host: '127.0.0.1', port: inject('feedPort') });
    const documentId = await createGroupWithFeeds('cache-quiet-writes', [{ kind: 'blog', url: `${feeds.url}/feeds/wordpress.xml` }]);
    try {
      await importNow();
      const before = await version();
      const list = await api.get(LIST);

      const applied = await requestFrom(
        '127.0.12.1',
        'POST',
        `${inject('cmsUrl')}/api/group-applications`,
        { 'content-type': 'application/json' },
        JSON.stringify({
          data: {
            proposedName: 'Quiet Writes User Group',
            city: 'Mombasa',
            country: 'KE',
            languages: ['sw'],
            contactName: 'Halima Said',
            contactEmail: 'halima@example.org',
            message: 'We meet every month and would like to become a group of the community.',
          },
        }),
      );
      expect(applied.status, applied.text).toBe(201);
      expect((await editor.update('api::group.group', documentId, { summary: `Draft only ${Date.now()}` })).status).toBe(200);
      const again = await importNow();
      expect(again.failed).toBeLessThan(again.total);

      expect(await version()).toBe(before);
      expect((await api.get(LIST, { headers: { 'if-none-match': list.headers.get('etag')! } })).status).toBe(304);

      // A publication, by contrast, renews them.
      expect((await editor.publish('api::group.group', documentId)).status).toBe(200);
      expect(await version()).not.toBe(before);
    } finally {
      await deleteGroup(documentId);
      await feeds.close();
    }
  });

  it('tell shared caches how long they may keep an anonymous answer, and keep answers to credentials private', async () => {
    const anonymous = await api.get(LIST);
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=10, stale-while-revalidate=30');
    expect(anonymous.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const personal = await api.get('/api/users/me', { headers: { authorization: 'Bearer not-a-valid-token' } });
    expect(personal.headers.get('cache-control')).toBe('private, no-store');
  });
});

