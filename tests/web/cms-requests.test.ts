import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWeb, type RunningWeb } from '../setup/web';

/** A pass-through proxy in front of the CMS that notes every path the website asks for. */
async function countingProxy(target: string) {
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    seen.push(request.url ?? '');
    const upstream = http.request(new URL(request.url ?? '/', target), { method: request.method, headers: { ...request.headers, host: new URL(target).host } }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** The requests since the last call, without the content-version reads every page shares. */
    take() {
      return seen.splice(0).filter((path) => !path.startsWith('/api/community/content-version'));
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('what a first visit costs the CMS', () => {
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let web: RunningWeb;

  beforeAll(async () => {
    proxy = await countingProxy(inject('cmsUrl'));
    web = await startWeb(proxy.url);
  });

  afterAll(async () => {
    await web?.stop();
    await proxy?.close();
  });

  async function visit(path: string): Promise<string[]> {
    proxy.take();
    const response = await fetch(`${web.url}${path}`);
    expect(response.status, path).toBe(200);
    await response.text();
    return proxy.take();
  }

  it('is at most two requests for any directory page: the groups, and the regions for the filter', async () => {
    for (const search of [
      '',
      '?page=2',
      '?q=berlin',
      '?country=DE&kind=user-group',
      '?language=pt-BR&status=active',
      '?near=48.8566,2.3522',
      '?near=-33.87,151.21&language=en&page=2',
      '?q=allemagne&region=europe',
    ]) {
      const requests = await visit(`/fr/groups${search}`);
      expect(requests.length, `${search}: ${requests.join(' ')}`).toBeLessThanOrEqual(2);
      expect(requests.filter((path) => path.startsWith('/api/groups')), search).toHaveLength(1);
    }
  });

  it('is one request for a group page: the group with its resources, posts, photos and events', async () => {
    for (const slug of ['paris-user-group', 'documentation-working-group', 'tokyo-user-group']) {
      const requests = await visit(`/de/groups/${slug}`);
      expect(requests, slug).toHaveLength(1);
      expect(requests[0], slug).toMatch(/^\/api\/groups\?.*populate%5BupcomingEvents%5D=true/);
    }
  });
});
