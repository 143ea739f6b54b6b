import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { signature } from '../../plugins/community/server/src/members/client-address';
import { admin, api, editor } from './client';

/** The findings of the security review, each reproduced against the real CMS. */

const cms = () => inject('cmsUrl');
const LISTS = ['/api/groups', '/api/events', '/api/pages', '/api/regions', '/api/resources'];

async function raw(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('connection', 'close');
  const response = await fetch(`${cms()}${path}`, { redirect: 'manual', ...init, headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function multipart(fields: Array<[string, string, Buffer]>) {
  const form = new FormData();
  for (const [field, name, bytes] of fields) form.append(field, new Blob([new Uint8Array(bytes)]), name);
  return form;
}

/** What is in the CMS's temporary folder (the test run gives it one of its own; browser suites may leave their profiles there). */
const inTemp = () => fs.readdirSync(inject('cmsTmpDir')).sort();

describe('uploads', () => {
  it('refuses files on every route but the upload routes, before reading them, and leaves nothing on disk', async () => {
    const before = inTemp();
    const big = Buffer.alloc(3 * 1024 * 1024);
    for (const path of ['/this/does/not/exist', '/api/groups', '/api/group-applications', '/api/auth/local', '/admin/login']) {
      const response = await raw(path, { method: 'POST', body: multipart([['x', 'z.bin', big]]) });
      expect(response.status, path).toBe(415);
      expect(JSON.parse(response.text).error.message).toMatch(/takes no files/);
    }
    expect(inTemp()).toEqual(before);
  });

  it('still takes an editor\'s upload to the media library, and removes every temporary file after it', async () => {
    const before = inTemp();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const response = await raw('/upload', {
      method: 'POST',
      headers: { authorization: `Bearer ${inject('adminToken')}` },
      body: multipart([['files', 'pixel.png', png], ['stray', 'stray.bin', Buffer.alloc(1024 * 1024)]]),
    });
    expect(response.status, response.text).toBe(201);
    expect(JSON.parse(response.text)[0]).toMatchObject({ name: 'pixel.png', mime: 'image/png' });
    expect(inTemp()).toEqual(before);
    const anonymous = await raw('/upload', { method: 'POST', body: multipart([['files', 'pixel.png', png]]) });
    expect(anonymous.status).toBe(401);
    expect(inTemp()).toEqual(before);
  });
});

describe('populate and the read cache', () => {
  it('refuses deep or wide populate with a 400 that says why', async () => {
    const chain = '/api/resources?populate[group][populate][events][populate][group][populate][resources][populate][group][populate]=*&pagination[pageSize]=100';
    const response = await api.get(chain);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/populate is nested more than 2 levels deep/);
    const wide = '/api/groups?' + Array.from({ length: 13 }, (_, i) => `populate[r${i}]=true`).join('&');
    expect((await api.get(wide)).body.error.message).toMatch(/more than 12 relations/);
    // What the website asks for still works.
    const page = await api.get('/api/groups?populate[region][fields][0]=slug&populate[resources][fields][0]=url&populate[workingGroup][populate][0]=chairs&populate[workingGroup][populate][1]=channels&populate[coordinators]=true');
    expect(page.status, page.text).toBe(200);
  });

  it('answers every Host alike, naming only the configured address', async () => {
    const path = '/api/community/activity.atom';
    const answers = await Promise.all(['evil.example', 'a.example', `127.0.0.1:${new URL(cms()).port}`].map((host) => raw(path, { headers: { host } })));
    const self = answers.map((a) => /<link rel="self" [^>]*href="([^"]+)"/.exec(a.text)?.[1]);
    expect(new Set(self)).toEqual(new Set([`${cms()}${path}`]));
    expect(new Set(answers.map((a) => a.headers.get('etag'))).size).toBe(1);
  });
});

describe('cross-origin requests', () => {
  const evil = 'https://evil.example';

  it('give other sites neither the admin\'s credentials nor a readable answer', async () => {
    const token = await raw('/admin/access-token', { method: 'POST', headers: { origin: evil, 'content-type': 'application/json' }, body: '{}' });
    expect(token.headers.get('access-control-allow-origin')).toBeNull();
    expect(token.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await raw('/admin/access-token', { method: 'OPTIONS', headers: { origin: evil, 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await raw('/api/groups', { headers: { origin: evil } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('let the admin send credentials from its own origin, and the website read without them', async () => {
    const own = await raw('/admin/access-token', { method: 'POST', headers: { origin: cms(), 'content-type': 'application/json' }, body: '{}' });
    expect(own.headers.get('access-control-allow-origin'), String(own.headers.get('vary'))).toBe(cms());
    expect(own.headers.get('access-control-allow-credentials')).toBe('true');
    const site = new URL(inject('webUrl')).origin;
    const read = await raw('/api/groups', { headers: { origin: site } });
    expect(read.headers.get('access-control-allow-origin')).toBe(site);
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('vary on Origin, cached answers too', async () => {
    for (const path of ['/api/community/calendar.ics', '/api/groups?pagination[pageSize]=2', '/api/community/groups.geojson']) {
      for (const origin of ['https://a.example', 'https://b.example']) {
        const response = await raw(path, { headers: { origin } });
        expect(response.status).toBe(200);
        expect(response.headers.get('vary'), path).toMatch(/\bOrigin\b/);
        expect(response.headers.get('vary'), path).toMatch(/\bAccept-Encoding\b/);
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
      }
    }
  });
});

describe('malformed queries', () => {
  it('get a 400 naming the parameter on every core list, not a 500', async () => {
    const queries = ['filters[$or]=1', 'filters[$and]=1', 'filters[$not]=1', 'filters[id][$between]=1', 'filters[id][$eq][$eq]=1', 'filters[languages][$jsonSupersetOf]=x'];
    for (const list of LISTS) {
      for (const query of queries) {
        const response = await api.get(`${list}?${query}`);
        expect(response.status, `${list}?${query}`).toBe(400);
        expect(response.body.error.details.param).toBe('filters');
        expect(response.body.error.message).toMatch(/^filters\[/);
      }
    }
  });

  it('get a 400 for values the database cannot compare', async () => {
    for (const query of ['filters[id][$eq]=99999999999999999999', 'filters[startsAt][$gt]=2027-13-45', 'filters[latitude][$lt]=1e309', 'filters[name][$eq]=a%00b']) {
      const response = await api.get(`/api/groups?${query}`);
      expect([200, 400], `${query} → ${response.status} ${response.text}`).toContain(response.status);
    }
  });
});

describe('"start a group" applications', () => {
  const application = {
    proposedName: 'Kisumu User Group',
    city: 'Kisumu',
    country: 'KE',
    languages: ['sw', 'en'],
    contactName: 'Achieng Otieno',
    contactEmail: 'achieng@example.org',
    message: 'A dozen of us meet by the lake every month and would like to become a group of the community.',
  };
  // Counted as a visitor of its own, so the other suites' applications do not use up its limit.
  const vouch = (address: string) => {
    const seconds = Math.floor(Date.now() / 1000);
    return `${address};${seconds};${signature(inject('cmsEnv').VISITOR_ADDRESS_SECRET!, address, seconds)}`;
  };
  const send = (body: string, headers: Record<string, string>) =>
    raw('/api/group-applications', { method: 'POST', headers: { 'x-visitor-address': vouch('198.51.100.23'), ...headers }, body });
  const stored = async (name: string) =>
    (await editor.list('api::group-application.group-application', `filters[proposedName][$eq]=${encodeURIComponent(name)}`)).body.pagination.total as number;

  it('are taken as JSON only, and never from another site\'s page', async () => {
    const form = new URLSearchParams(Object.entries({ ...application, languages: 'sw' }).map(([k, v]) => [`data[${k}]`, String(v)])).toString();
    // A page of another site posting in a visitor's browser carries no signature of the website.
    const foreignForm = await send(form, { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded', 'x-visitor-address': '' });
    expect(foreignForm.status).toBe(415);
    const sameSiteForm = await send(form, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(sameSiteForm.status).toBe(415);
    const foreignJson = await send(JSON.stringify({ data: application }), { origin: 'https://evil.example', 'content-type': 'application/json', 'x-visitor-address': '' });
    expect(foreignJson.status).toBe(403);
    expect(JSON.parse(foreignJson.text).error.message).toMatch(/own website/);
    expect(await stored(application.proposedName)).toBe(0);
  });

  it('refuse a message nested 10,000 levels deep with a 400', async () => {
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const body = `{"data":${JSON.stringify({ ...application, message: 0 }).replace('"message":0', `"message":${deep}`)}}`;
    const response = await send(body, { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error.message).toBe('The body is nested more than 32 levels deep');
    expect((await api.get('/api/community/health')).status).toBe(200);
    const wrongType = await send(JSON.stringify({ data: { ...application, message: { text: application.message } } }), { 'content-type': 'application/json' });
    expect(wrongType.status).toBe(400);
    expect(JSON.parse(wrongType.text).error.message).toBe('message must be text');
    const nul = await send(JSON.stringify({ data: { ...application, city: 'Kisu\u0000mu' } }), { 'content-type': 'application/json' });
    expect(nul.status).toBe(400);
    expect(JSON.parse(nul.text).error.message).toBe('city contains a NUL character');
  });

  it('take one application per form stamp, however often it is sent', async () => {
    const proposedName = 'Eldoret User Group';
    const body = JSON.stringify({ data: { ...application, proposedName } });
    const headers = { 'content-type': 'application/json', 'x-form-stamp': `${Date.now()}.stamp-of-one-form` };
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(body, headers)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await stored(proposedName)).toBe(1);
    const other = await send(JSON.stringify({ data: { ...application, proposedName: 'Nakuru User Group' } }), { ...headers, 'x-form-stamp': `${Date.now()}.another-form` });
    expect(other.status).toBe(201);
  });
});

describe('what the CMS tells strangers', () => {
  it('does not name its software or database', async () => {
    const health = await raw('/api/community/health');
    expect(JSON.parse(health.text)).toEqual({ status: 'ok' });
    for (const path of ['/api/community/health', '/api/groups', '/nothing/here']) {
      expect((await raw(path)).headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('keeps answering admin calls', async () => {
    expect((await admin.get('/admin/users/me')).status).toBe(200);
  });
});
