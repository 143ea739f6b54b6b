import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020Import from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFeedServer } from '../fixtures/feed-server';
import { renderContentModel } from '../../plugins/community/server/src/openapi/content-model';
import { admin, api, editor, requestFrom } from './client';
import { createGroupWithFeeds, deleteGroup, importNow } from './feed-import';
import { addMembership, call as memberCall, makeAccount, removeAccount, signIn } from './memberships-support';

/**
 * The OpenAPI description at /api/community/openapi.json, checked against the CMS itself:
 * a validator reads it, the routes Strapi serves publicly are all in it, each plugin route
 * states the parameters it takes, and real answers of every route match its schemas.
 */

type Json = Record<string, any>;
type Answer = { status: number; text: string; headers: Record<string, string | string[] | undefined> };

const Ajv2020 = ((Ajv2020Import as any).default ?? Ajv2020Import) as typeof Ajv2020Import;
const addFormats = ((addFormatsImport as any).default ?? addFormatsImport) as typeof addFormatsImport;
// Requests of this file come from their own loopback address, apart from other suites' rate limits.
const FROM = '127.0.0.73';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const PASSWORD = 'Openapi-passw0rd';
const ACCOUNT = 'openapi.reader@example.net';
// A group with imported posts, photos and events, so that those lists have items to check.
const FEED_GROUP = 'openapi-described-group';

let doc: Json;
const cleanup: (() => Promise<unknown>)[] = [];

const send = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> =>
  requestFrom(FROM, method, `${inject('cmsUrl')}${path}`, body === undefined ? headers : { 'content-type': 'application/json', ...headers }, body === undefined ? undefined : JSON.stringify(body));

/** `/api/groups/{documentId}` and `/api/groups/:id` alike: parameters reduced to `{}`. */
const shape = (path: string) => path.replace(/\{[^}]+\}|:[A-Za-z0-9_]+|\(\.\*\)/g, '{}');

function operations(): { path: string; method: string; operation: Json }[] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation: operation as Json })),
  );
}

/** Ajv over the document's schemas, its `#/components/schemas/…` references resolved. */
function schemaValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const keyword of ['x-translated', 'x-strapi-uid', 'example']) ajv.addKeyword({ keyword });
  const rebase = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"openapi.json#/$defs/'));
  ajv.addSchema({ $id: 'openapi.json', $defs: rebase(doc.components.schemas) });
  const cache = new Map<unknown, ReturnType<typeof ajv.compile>>();
  return {
    compileAll() {
      for (const name of Object.keys(doc.components.schemas)) expect(ajv.getSchema(`openapi.json#/$defs/${name}`), name).toBeTruthy();
    },
    check(schema: unknown, value: unknown, where: string) {
      let validate = cache.get(schema);
      if (!validate) {
        validate = ajv.compile(rebase(schema));
        cache.set(schema, validate);
      }
      const valid = validate(value);
      const errors = (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
      expect(valid, `${where}:\n${errors.slice(0, 8).join('\n')}`).toBe(true);
    },
  };
}

beforeAll(async () => {
  const response = await api.get('/api/community/openapi.json');
  expect(response.status, response.text).toBe(200);
  doc = response.body;
});

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe('the OpenAPI description', () => {
  it('is a valid OpenAPI 3.1 document whose schemas all compile and whose path parameters are all declared', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(doc) as any);
    const validator = schemaValidator();
    validator.compileAll();
    for (const { path, method, operation } of operations()) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      const declared = ((operation.parameters ?? []) as Json[]).filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect(declared, `${method} ${path}`).toEqual(inPath);
      expect(path.startsWith('/api/'), path).toBe(true);
    }
  });

  it('is served at a stable address with an ETag, and a 304 while unchanged', async () => {
    const first = await api.get('/api/community/openapi.json');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await api.get('/api/community/openapi.json', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect((await api.get('/api/community/openapi.json?x=1')).status).toBe(400);
  });

  it('states every route Strapi serves to the public (and the token-only feed health), and no route it does not serve', async () => {
    const listed = (await admin.get('/users-permissions/routes')).body.routes as Record<string, Json[]>;
    const roles = (await admin.get('/users-permissions/roles')).body.roles as Json[];
    const publicRole = (await admin.get(`/users-permissions/roles/${roles.find((role) => role.type === 'public')!.id}`)).body.role;
    const allowed = new Set<string>();
    for (const [scope, { controllers }] of Object.entries(publicRole.permissions as Json)) {
      for (const [controller, actions] of Object.entries(controllers as Json)) {
        for (const [action, { enabled }] of Object.entries(actions as Json)) if (enabled) allowed.add(`${scope}.${controller}.${action}`);
      }
    }
    const routes = Object.entries(listed).flatMap(([scope, list]) =>
      list.map((route) => {
        const handler = String(route.handler);
        return { method: String(route.method), path: String(route.path), action: handler.includes('::') ? handler : `${scope}.${handler}`, auth: route.config?.auth };
      }),
    );
    const documented = new Set(operations().map(({ path, method }) => `${method.toUpperCase()} ${shape(path)}`));
    // Member routes take no Strapi credentials but a member's session: anonymous callers get a 401.
    const forMembers = new Set(
      operations()
        .filter(({ operation }) => ((operation.security ?? []) as Json[]).some((scheme) => 'memberSession' in scheme))
        .map(({ path, method }) => `${method.toUpperCase()} ${shape(path)}`),
    );
    const served = new Set(routes.map((route) => `${route.method} ${shape(route.path)}`));
    const publicRoutes: string[] = [];
    for (const route of routes) {
      const isPublic = route.auth === false || allowed.has(route.action);
      // What Strapi says must be what an anonymous caller meets.
      const probe = await send(route.method, route.path.replace(/:[A-Za-z0-9_]+|\(\.\*\)/g, 'zz-none'), {}, route.method === 'GET' ? undefined : {});
      const needsSession = forMembers.has(`${route.method} ${shape(route.path)}`);
      expect([401, 403].includes(probe.status), `${route.method} ${route.path} answered ${probe.status}`).toBe(!isPublic || needsSession);
      if (isPublic) publicRoutes.push(`${route.method} ${shape(route.path)}`);
    }
    expect(publicRoutes.length).toBeGreaterThan(20);
    for (const route of publicRoutes) expect(documented.has(route), `${route} is public but not described`).toBe(true);
    for (const route of documented) expect(served.has(route), `${route} is described but not served`).toBe(true);
    expect(documented.has('GET /api/community/feeds')).toBe(true);
    expect(publicRoutes).not.toContain('GET /api/community/feeds');
  });

  it('is what the content model page for integrators says', () => {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cms/CONTENT-MODEL.md');
    expect(renderContentModel(doc), 'cms/CONTENT-MODEL.md is out of date: run `npm run content-model`').toBe(fs.readFileSync(file, 'utf8'));
  });

  it('lists for each of the plugin’s routes exactly the query parameters the route takes', async () => {
    const samples = await sampleValues();
    // Member routes are asked with a member's session.
    const asker = await makeAccount('openapi-parameters');
    const token = await signIn(asker, '127.0.53.5');
    cleanup.push(() => removeAccount(asker));
    let compared = 0;
    for (const { path, method, operation } of operations()) {
      if (method !== 'get' || !path.startsWith('/api/community/')) continue;
      // A provider's answer carries whatever parameters that provider adds (Google's authuser, hd, …): the callback takes them all.
      if (path === '/api/community/auth/{provider}/callback') continue;
      const parameters = (operation.parameters ?? []) as Json[];
      const documented = parameters.filter((p) => p.in === 'query').map((p) => p.name).sort();
      const required = parameters.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${encodeURIComponent(p.example ?? p.schema?.example)}`);
      const forMember = ((operation.security ?? []) as Json[]).some((scheme) => 'memberSession' in scheme);
      const response = await send('GET', `${fill(path, samples)}?${[...required, 'zz-unknown=1'].join('&')}`, forMember ? { authorization: `Bearer ${token}` } : {});
      const allowed = /Allowed: (.*?)\.?$/.exec(response.status === 400 ? JSON.parse(response.text).error.message : '')?.[1];
      const taken = allowed ? [...new Set(allowed.split(', ').map((name) => name.replace(/\[.*$/, '')))].sort() : [];
      expect(taken, `${path}: the route answered ${response.status} ${response.text.slice(0, 200)}`).toEqual(documented);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(10);
  });
});

/** Real values for path parameters: a published group's slug, documents' ids. */
async function sampleValues() {
  const first = async (plural: string) => (await api.get(`/api/${plural}?pagination[pageSize]=1&fields[0]=documentId`)).body.data[0].documentId as string;
  return {
    slug: 'paris-user-group',
    provider: 'google',
    byPath: {
      '/api/community/events/{documentId}/calendar.ics': await first('events'),
      '/api/events/{documentId}': await first('events'),
      '/api/groups/{documentId}': await first('groups'),
      '/api/pages/{documentId}': await first('pages'),
      '/api/regions/{documentId}': await first('regions'),
      '/api/resources/{documentId}': await first('resources'),
    } as Record<string, string>,
  };
}

function fill(path: string, samples: Awaited<ReturnType<typeof sampleValues>>): string {
  return path
    .replace('{documentId}', samples.byPath[path] ?? 'zz-none')
    .replace('{slug}', samples.slug)
    .replace('{provider}', samples.provider);
}

describe('real answers of every described route', () => {
  let readOnlyToken = '';
  const sessions: string[] = [];
  // A coordinator's requests to answer, a member's own calendar, an account to delete.
  const members = { requester: '', leaver: '', calendarPath: '', toApprove: '', toDecline: '' };

  beforeAll(async () => {
    const server = await startFeedServer({ host: '127.0.0.1', port: inject('feedPort') });
    cleanup.push(() => server.close());
    const group = await createGroupWithFeeds(FEED_GROUP, [
      { kind: 'blog', url: `${server.url}/feeds/wordpress.xml` },
      { kind: 'photos', url: `${server.url}/feeds/pixelfed-album.xml` },
      { kind: 'calendar', url: `${server.url}/feeds/calendar.ics` },
    ]);
    cleanup.push(() => deleteGroup(group));
    await importNow();
    const token = await admin.send('POST', '/admin/api-tokens', { name: 'openapi test read-only', type: 'read-only', lifespan: null });
    expect(token.status, token.text).toBe(201);
    readOnlyToken = token.body.data.accessKey;
    cleanup.push(() => admin.send('DELETE', `/admin/api-tokens/${token.body.data.id}`));
    const roles = (await admin.get('/users-permissions/roles')).body.roles as Json[];
    const account = await editor.create('plugin::users-permissions.user', {
      username: 'openapi-reader',
      email: ACCOUNT,
      password: PASSWORD,
      confirmed: true,
      blocked: false,
      role: { connect: [{ documentId: roles.find((role) => role.type === 'authenticated')!.documentId }] },
    });
    expect(account.status, account.text).toBe(201);
    const { documentId } = account.body.data ?? account.body;
    cleanup.push(() => admin.send('DELETE', `/content-manager/collection-types/plugin::users-permissions.user/${documentId}`));
    for (const from of ['127.0.32.1', '127.0.32.2']) {
      const signedIn = await requestFrom(from, 'POST', `${inject('cmsUrl')}/api/community/auth/local`, { 'content-type': 'application/json' }, JSON.stringify({ identifier: ACCOUNT, password: PASSWORD }));
      expect(signedIn.status, signedIn.text).toBe(200);
      sessions.push(JSON.parse(signedIn.text).session);
    }

    // The reader coordinates two groups that ask for approval, where others wait; it is a member of two open ones.
    const reader = { documentId, username: 'openapi-reader', email: ACCOUNT };
    const requester = await makeAccount('openapi-requester');
    const leaver = await makeAccount('openapi-leaver');
    cleanup.push(() => removeAccount(requester), () => removeAccount(leaver), () => removeAccount(reader));
    await addMembership(reader, 'berlin-user-group', 'coordinator');
    await addMembership(reader, 'tokyo-user-group', 'coordinator');
    await addMembership(reader, 'paris-user-group', 'member');
    await addMembership(reader, 'london-user-group', 'member');
    members.toApprove = await addMembership(requester, 'berlin-user-group', 'member', 'pending');
    members.toDecline = await addMembership(requester, 'tokyo-user-group', 'member', 'pending');
    members.requester = await signIn(requester, '127.0.53.1');
    members.leaver = await signIn(leaver, '127.0.53.2');
    const calendar = await memberCall('127.0.53.3', 'GET', '/api/community/me/calendar', { token: members.requester });
    expect(calendar.status, calendar.text).toBe(200);
    members.calendarPath = new URL(calendar.body.data.url).pathname;
  });

  it('match the description: documented status, media type and schema', async () => {
    const validator = schemaValidator();
    const samples = await sampleValues();
    const checked = new Set<string>();
    const listed = new Set<string>();
    const groupSlug = samples.slug;
    const reader = { authorization: `Bearer ${sessions[0]}` };

    /** Requests beyond each route's plain one: options, locales, populates, errors, conditional requests. */
    const extra: Record<string, { query?: string; path?: string; headers?: Record<string, string>; body?: unknown }[]> = {
      'GET /api/groups': [
        { query: 'locale=fr&populate=*' },
        { query: 'locale=pt-PT&populate[region]=true&populate[events][fields][0]=title&populate[coordinators]=true&populate[logo]=true&populate[workingGroup][populate]=*&populate[feeds]=true' },
        { query: 'fields[0]=slug&pagination[start]=2&pagination[limit]=3' },
        { query: 'pagination[withCount]=false&sort=name:desc' },
        { query: 'locale=fr&sort=summary&pagination[pageSize]=5' },
        { query: 'filters[contactEmail][$eq]=x' },
        { query: 'status=draft' },
      ],
      'GET /api/groups/{documentId}': [{ query: 'populate=*&locale=de' }, { path: '/api/groups/zz-none' }],
      'GET /api/events': [{ query: 'populate[group][populate][region]=true&populate[venue]=true&locale=ja' }, { query: 'locale=fr&filters[title][$containsi]=call' }],
      'GET /api/events/{documentId}': [{ query: 'populate=*&locale=fr' }],
      'GET /api/pages': [{ query: 'populate=*&locale=zh-Hans' }],
      'GET /api/regions': [{ query: 'populate[groups][fields][0]=name&populate[contacts]=true&locale=es' }],
      'GET /api/resources': [{ query: 'populate=*' }, { query: '_q=x' }],
      'GET /api/community/posts': [{ query: `group=${FEED_GROUP}&pagination[pageSize]=3` }, { query: 'pagination[page]=0' }],
      'GET /api/community/photos': [{ query: `group=${FEED_GROUP}&pagination[pageSize]=2` }, { query: 'language=en&pagination[page]=2&pagination[pageSize]=1' }],
      'GET /api/community/occurrences': [
        { query: 'from=2027-01-01&to=2027-03-01&locale=fr&kind=user-group&pagination[pageSize]=5' },
        { query: `from=2027-01-01&to=2027-03-01&group=${groupSlug}` },
        { query: 'from=2027-01-01' },
      ],
      'GET /api/community/calendar.ics': [{ query: 'region=europe&language=fr&format=online' }, { query: 'kind=nope' }],
      'GET /api/community/groups/{slug}/calendar.ics': [{ path: '/api/community/groups/no-such-group/calendar.ics' }],
      'GET /api/community/groups/{slug}/activity.atom': [{ query: 'locale=de' }, { path: '/api/community/groups/no-such-group/activity.atom' }],
      'GET /api/community/feeds': [{ headers: { authorization: `Bearer ${readOnlyToken}` } }],
      'POST /api/group-applications': [
        {
          body: {
            data: {
              proposedName: 'Described Test Group',
              city: 'Ghent',
              country: 'BE',
              languages: ['nl', 'en'],
              contactName: 'Described Tester',
              contactEmail: 'described.tester@example.net',
              message: 'We would like to start a group here, please.',
            },
          },
        },
        { body: { data: { proposedName: 'X' } } },
      ],
      'POST /api/auth/local': [{ body: { identifier: ACCOUNT, password: PASSWORD } }, { body: { identifier: ACCOUNT, password: 'wrong-passw0rd' } }],
      'POST /api/auth/forgot-password': [{ body: { email: ACCOUNT } }],
      'POST /api/auth/send-email-confirmation': [{ body: { email: ACCOUNT } }],
      'POST /api/auth/reset-password': [{ body: { code: 'wrong', password: PASSWORD, passwordConfirmation: PASSWORD } }],
      'GET /api/auth/email-confirmation': [{ query: 'confirmation=wrong' }],
      'POST /api/community/auth/local': [{ body: { identifier: ACCOUNT, password: PASSWORD } }, { body: { identifier: ACCOUNT, password: 'wrong-passw0rd' } }],
      'GET /api/community/me': [{ headers: { authorization: `Bearer ${sessions[0]}` } }],
      'POST /api/community/auth/sign-out': [{ headers: { authorization: `Bearer ${sessions[1]}` } }],
      'GET /api/community/me/groups': [{ headers: reader }, { headers: reader, query: 'locale=fr' }],
      'POST /api/community/me/memberships': [
        { headers: reader, body: { group: 'vienna-user-group' } },
        { headers: reader, body: { group: 'vienna-user-group' } },
        { headers: reader, body: { group: 'no-such-group' } },
        { headers: { authorization: `Bearer ${members.requester}` }, body: { group: 'x', role: 'coordinator' } },
      ],
      'GET /api/community/me/memberships/{slug}': [{ headers: reader }, { headers: reader, path: '/api/community/me/memberships/zurich-user-group' }],
      'PATCH /api/community/me/memberships/{slug}': [{ headers: reader, body: { wantsEmail: false } }, { headers: reader, path: '/api/community/me/memberships/cairo-user-group', body: { wantsEmail: true } }],
      'DELETE /api/community/me/memberships/{slug}': [{ headers: reader, path: '/api/community/me/memberships/london-user-group' }, { headers: reader, path: '/api/community/me/memberships/Not_a_slug' }],
      'GET /api/community/me/requests': [{ headers: reader }],
      'POST /api/community/me/requests/{documentId}/approve': [{ headers: reader, path: `/api/community/me/requests/${members.toApprove}/approve` }, { headers: reader }],
      'POST /api/community/me/requests/{documentId}/decline': [{ headers: reader, path: `/api/community/me/requests/${members.toDecline}/decline` }],
      'GET /api/community/me/calendar': [{ headers: reader }],
      'POST /api/community/me/calendar/renew': [{ headers: reader }],
      'GET /api/community/members/calendar/{file}': [{ path: members.calendarPath }, { path: members.calendarPath, query: 'locale=fr' }],
      'GET /api/community/me/account': [{ headers: reader }],
      'PUT /api/community/me/account': [{ headers: reader, body: { displayName: 'Open Reader', locale: 'fr' } }, { headers: reader, body: { locale: 'xx' } }],
      'GET /api/community/me/export': [{ headers: reader }],
      'DELETE /api/community/me/account': [{ headers: { authorization: `Bearer ${members.leaver}` } }],
      'GET /api/community/auth/{provider}/start': [{ query: 'returnTo=//evil.example' }],
      'POST /api/community/auth/exchange': [{ body: { code: 'x'.repeat(43) } }],
      'POST /api/community/auth/register': [{ body: { username: 'openapi-newcomer', email: 'openapi.newcomer@example.net', password: 'Openapi-passw0rd', locale: 'de' } }],
      'GET /api/community/me/identities': [{ headers: { authorization: `Bearer ${sessions[0]}` } }],
      'POST /api/community/me/identities/link': [{ headers: { authorization: `Bearer ${sessions[0]}` }, body: { provider: 'google' } }],
      'DELETE /api/community/me/identities/{provider}': [
        { path: '/api/community/me/identities/email', headers: { authorization: `Bearer ${sessions[0]}` } },
        { path: '/api/community/me/identities/google', headers: { authorization: `Bearer ${sessions[0]}` } },
      ],
    };

    for (const { path, method, operation } of operations()) {
      const key = `${method.toUpperCase()} ${path}`;
      const required = ((operation.parameters ?? []) as Json[]).filter((p) => p.in === 'query' && p.required);
      const plain = { query: required.map((p) => `${p.name}=${encodeURIComponent(p.example ?? p.schema?.example)}`).join('&') };
      for (const request of [plain, ...(extra[key] ?? [])]) {
        const target = `${'path' in request && request.path ? request.path : fill(path, samples)}${request.query ? `?${request.query}` : ''}`;
        const body = 'body' in request ? request.body : method === 'get' ? undefined : {};
        const response = await send(method.toUpperCase(), target, 'headers' in request ? request.headers : {}, body);
        const where = `${method.toUpperCase()} ${target} → ${response.status}`;
        const documented = operation.responses[String(response.status)];
        expect(documented, `${where} is not a described answer: ${response.text.slice(0, 300)}`).toBeTruthy();
        checked.add(`${key} ${response.status}`);
        const etag = response.headers.etag;
        if (typeof etag === 'string' && method === 'get') {
          const conditional = await send('GET', target, { ...('headers' in request ? request.headers : {}), 'if-none-match': etag });
          expect(conditional.status, `${where}: If-None-Match`).toBe(304);
          expect(operation.responses['304'], `${where}: 304 is not described`).toBeTruthy();
          expect(documented.headers?.ETag, `${where}: the ETag is not described`).toBeTruthy();
          checked.add(`${key} 304`);
        }
        if (!documented.content) continue;
        const type = String(response.headers['content-type'] ?? '').split(';')[0]!.trim();
        expect(Object.keys(documented.content), where).toContain(type);
        const schema = documented.content[type].schema;
        if (!type.endsWith('json')) {
          expect(response.text.length, where).toBeGreaterThan(0);
          continue;
        }
        const answer = JSON.parse(response.text);
        validator.check(schema, answer, where);
        if (Array.isArray(answer.data) && answer.data.length) listed.add(key);
      }
    }

    // Every list was checked with items in it.
    for (const { path, method, operation } of operations()) {
      const success = operation.responses['200']?.content?.['application/json']?.schema;
      if (method === 'get' && success?.properties?.data?.type === 'array') expect(listed.has(`GET ${path}`), `GET ${path}: no item was checked`).toBe(true);
    }
    // Every described route was met with a success answer, but those whose success needs what no test has here.
    const successOutOfReach: Record<string, string> = {
      'POST /api/auth/reset-password': 'a code from a reset e-mail',
      'GET /api/auth/email-confirmation': 'a code from a confirmation e-mail',
      'GET /api/connect/{provider}': 'a sign-in provider set up in the admin',
      'GET /api/auth/{provider}/callback': 'a sign-in provider set up in the admin',
      'POST /api/auth/refresh': 'refresh tokens, which the portal does not use',
      // Run against local providers on a CMS of its own in tests/api/sign-in-providers.test.ts.
      'GET /api/community/auth/{provider}/start': 'an outside sign-in provider switched on by its settings',
      'GET /api/community/auth/{provider}/callback': 'an outside sign-in provider switched on by its settings',
      'POST /api/community/auth/exchange': 'a one-time code from a provider’s sign-in',
      'POST /api/community/me/identities/link': 'an outside sign-in provider switched on by its settings',
      'DELETE /api/community/me/identities/{provider}': 'an account with two ways to sign in, which takes an outside provider',
    };
    for (const { path, method, operation } of operations()) {
      const key = `${method.toUpperCase()} ${path}`;
      const success = Object.keys(operation.responses).some((status) => /^[23]/.test(status) && checked.has(`${key} ${status}`));
      expect(success || key in successOutOfReach, `${key}: no success answer was checked`).toBe(true);
    }
  });
});
