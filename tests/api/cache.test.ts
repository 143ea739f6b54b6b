import { describe, expect, it } from 'vitest';
import { api, editor } from './client';

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
});
