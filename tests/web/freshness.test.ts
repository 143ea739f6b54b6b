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
