import { describe, expect, inject, it } from 'vitest';
import { api, editor } from '../api/client';

const page = (path: string) => fetch(`${inject('webUrl')}${path}`).then((r) => r.text());

describe('the website after an editor publishes a change', () => {
  // The website trusts one reading of the CMS's content version for a second (CONTENT_VERSION_TTL_MS).
  it('shows the change within a second, although it reuses pages and CMS answers', async () => {
    const slug = 'berlin-user-group';
    const before = await page(`/en/groups/${slug}`);
    expect(await page(`/en/groups/${slug}`)).toBe(before);

    const { documentId } = (await api.get(`/api/groups?filters[slug][$eq]=${slug}&fields[0]=slug`)).body.data[0];
    const summary = `Now meeting every Thursday ${Date.now()}`;
    expect((await editor.update('api::group.group', documentId, { summary })).status).toBe(200);
    expect(await page(`/en/groups/${slug}`)).not.toContain(summary);
    expect((await editor.publish('api::group.group', documentId)).status).toBe(200);

    await expect.poll(() => page(`/en/groups/${slug}`), { timeout: 10_000, interval: 250 }).toContain(summary);
    await expect.poll(() => page(`/en/groups?q=berlin`), { timeout: 10_000, interval: 250 }).toContain(summary);
  });
});

describe('the website’s page cache', () => {
  it('keeps a page and its data (as client-side navigation asks for it) apart', async () => {
    for (const path of ['/fr/groups/zurich-user-group', '/es/register']) {
      const html = await fetch(`${inject('webUrl')}${path}`);
      expect(html.headers.get('content-type')).toMatch(/^text\/html/);
      for (let i = 0; i < 2; i++) {
        const data = await fetch(`${inject('webUrl')}${path}/__data.json?x-sveltekit-invalidated=01`);
        expect(data.status, path).toBe(200);
        expect(data.headers.get('content-type'), path).toMatch(/^application\/json/);
        expect((await data.json()).type, path).toBe('data');
      }
      const again = await fetch(`${inject('webUrl')}${path}`);
      expect(again.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(await again.text()).toMatch(/^<!doctype html>/i);
    }
  });
});
