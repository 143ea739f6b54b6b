import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../setup/strapi';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** The nginx configuration the README gives for a cache in front of the portal. */
function readmeSnippet(): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const snippet = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!snippet) throw new Error('README.md has no nginx snippet');
  return snippet;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** nginx from the system, running the README's snippet in front of this run's website and CMS. */
async function startNginx(webUrl: string, cmsUrl: string) {
  if (!fs.existsSync(NGINX)) throw new Error(`nginx is missing (${NGINX}): apt-get install nginx, or set NGINX_PATH`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterhouse-nginx-'));
  const port = await freePort();
  const http = readmeSnippet()
    .replaceAll('/var/cache/nginx/chapterhouse', path.join(dir, 'cache'))
    .replaceAll('listen 80;', `listen 127.0.0.1:${port};`)
    .replaceAll('http://127.0.0.1:3000', webUrl)
    .replaceAll('http://127.0.0.1:1337', cmsUrl);
  const temp = ['client', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name === 'client' ? 'client_body' : name}_temp_path ${path.join(dir, name)};`);
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      // The workers write the cache: as root they would run as nobody, who cannot write here.
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      'daemon off;',
      `pid ${path.join(dir, 'nginx.pid')};`,
      'error_log stderr warn;',
      'events { worker_connections 256; }',
      `http {\naccess_log off;\n${temp.join('\n')}\n${http}\n}`,
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX, ['-e', 'stderr', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${output}`);
    const up = await fetch(url).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (attempt > 100) throw new Error(`nginx did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('a caching proxy in front of the portal, configured as the README says', () => {
  let proxy: Awaited<ReturnType<typeof startNginx>>;

  beforeAll(async () => {
    proxy = await startNginx(inject('webUrl'), inject('cmsUrl'));
  });

  afterAll(async () => {
    await proxy?.stop();
  });

  /** A GET through the proxy to the website (or the CMS), by its public name, with these headers. */
  function get(site: 'groups' | 'cms', pathAndQuery: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; cache: string | undefined; headers: Headers }>((resolve, reject) => {
      const request = http.get(`${proxy.url}${pathAndQuery}`, { headers: { host: `${site}.example.org`, connection: 'close', ...headers } }, (response) => {
        response.resume();
        response.on('end', () => {
          const received = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) received.append(name, one);
          }
          resolve({ status: response.statusCode ?? 0, cache: received.get('x-cache-status') ?? undefined, headers: received });
        });
      });
      request.on('error', reject);
    });
  }

  const visitor = { cookie: 'locale=en' };
  const signedIn = { cookie: 'locale=en; chapterhouse_session=s3cr3t' };

  it('keeps an anonymous public page and serves it again without asking the website', async () => {
    const first = await get('groups', '/en/groups?q=tokyo', visitor);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(first.cache).toBe('MISS');
    expect((await get('groups', '/en/groups?q=tokyo', visitor)).cache).toBe('HIT');
  });

  it('never stores nor serves a personal page: a session cookie or credentials go past the cache', async () => {
    const personal = await get('groups', '/en/groups?q=paris', signedIn);
    expect(personal.status).toBe(200);
    expect(personal.cache).toBe('BYPASS');
    expect(personal.headers.get('cache-control')).toBe('private, no-store');
    // Nothing was kept from it: the next visitor's request is a miss, answered by the website.
    expect((await get('groups', '/en/groups?q=paris', visitor)).cache).toBe('MISS');
    expect((await get('groups', '/en/groups?q=paris', visitor)).cache).toBe('HIT');
    // And a kept page is not handed to a signed-in visitor.
    expect((await get('groups', '/en/groups?q=tokyo', signedIn)).cache).toBe('BYPASS');

    const withToken = await get('groups', '/en/groups?q=cairo', { ...visitor, authorization: 'Bearer abc' });
    expect(withToken.cache).toBe('BYPASS');
    expect(withToken.headers.get('cache-control')).toBe('private, no-store');
    expect((await get('groups', '/en/groups?q=cairo', visitor)).cache).toBe('MISS');
  });

  it('never stores an answer that sets a cookie', async () => {
    // A first visit without the language cookie is answered with one: that answer is the visitor's own.
    const first = await get('groups', '/en/groups?q=lima');
    expect(first.headers.get('set-cookie')).toMatch(/^locale=en/);
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    expect((await get('groups', '/en/groups?q=lima')).cache).toBe('MISS');
  });

  it('keeps the CMS’s anonymous answers, and never its answers to credentials', async () => {
    const list = '/api/groups?locale=de&fields[0]=slug&pagination[pageSize]=3';
    const first = await get('cms', list);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    expect(first.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(first.cache).toBe('MISS');
    expect((await get('cms', list)).cache).toBe('HIT');

    const regions = '/api/regions?locale=ja&fields[0]=slug';
    const token = await get('cms', regions, { authorization: 'Bearer not-a-valid-token' });
    expect(token.cache).toBe('BYPASS');
    expect(token.headers.get('cache-control')).toBe('private, no-store');
    expect((await get('cms', regions)).cache).toBe('MISS');
  });
});
