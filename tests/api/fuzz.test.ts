import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { requestFrom } from './client';

/**
 * Generated hostile input against every public read, feed and write of the CMS: no
 * answer may be a 5xx, and the CMS must stay healthy with bounded memory afterwards.
 */

const READS = [
  '/api/groups',
  '/api/events',
  '/api/pages',
  '/api/regions',
  '/api/resources',
  '/api/groups/{id}',
  '/api/events/{id}',
  '/api/community/posts',
  '/api/community/photos',
  '/api/community/calendar.ics',
  '/api/community/groups/paris-user-group/calendar.ics',
  '/api/community/events/{id}/calendar.ics',
  '/api/community/activity.atom',
  '/api/community/groups/paris-user-group/activity.atom',
  '/api/community/groups.geojson',
  '/api/community/content-version',
  '/api/community/health',
  '/api/community/openapi.json',
  '/api/community/feeds',
  '/api/users',
  '/api/group-applications',
];

const WRITES = [
  '/api/group-applications',
  '/api/auth/email-confirmation',
  '/api/auth/local',
  '/api/auth/local/register',
  '/api/auth/forgot-password',
  '/api/auth/reset-password',
  '/api/auth/send-email-confirmation',
  '/api/auth/change-password',
  '/api/groups',
];

/** Bracket segments people and scripts put in Strapi queries, right and wrong. */
const segment = fc.oneof(
  fc.constantFrom(
    'filters', 'populate', 'sort', 'fields', 'pagination', 'locale', 'status', 'page', 'pageSize', 'limit', 'start',
    'group', 'language', 'region', 'kind', 'format', 'from', 'to',
    '$or', '$and', '$not', '$eq', '$eqi', '$ne', '$in', '$notIn', '$between', '$null', '$notNull', '$lt', '$gte',
    '$contains', '$containsi', '$startsWith', '$jsonSupersetOf', '$regex', '$where', '$', '$$',
    'id', 'documentId', 'name', 'slug', 'languages', 'events', 'resources', 'region', 'coordinators', 'memberships',
    'contactEmail', 'password', 'createdAt', 'startsAt', 'latitude', 'workingGroup', 'venue', 'attachments', '*',
    '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
    '0', '1', '20', '101', '99999999', '-1', '', ' ', '[]', '%5B', '%00',
  ),
  fc.string({ maxLength: 12 }),
);

/** Values: big and odd numbers, dates, bad percent-encoding and bad UTF-8, long strings. */
const value = fc.oneof(
  fc.constantFrom(
    '', '1', '0', '-1', '1e309', '99999999999999999999999', '9007199254740993', 'NaN', 'Infinity', '-0', '0x10', '1.5',
    'true', 'false', 'null', 'undefined', '*', 'asc', 'desc', 'name:asc', 'name:sideways', 'en', 'pt-BR', 'xx-INVALID',
    '2027-01-01', '2027-13-45T99:99:99Z', '9999999-01-01', '%', '%zz', '%ff%fe', '%c3%28', '%ed%a0%80', '%00', 'a%00b',
    '%F0%9F%98%80', '<script>alert(1)</script>', "' OR 1=1 --", '{"$gt":""}', 'paris-user-group',
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(5_000, 70_000).map((n) => 'x'.repeat(n)),
);

const pair = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 24 }), value).map(([path, v]) => {
  const [head, ...rest] = path;
  return `${head}${rest.map((s) => `[${s}]`).join('')}=${v}`;
});

const query = fc.array(pair, { minLength: 1, maxLength: 6 }).map((pairs) => pairs.join('&'));

const cms = () => inject('cmsUrl');
const FUZZ_ADDRESS = '127.0.0.77';

async function read(path: string) {
  const response = await fetch(`${cms()}${path}`, { redirect: 'manual', headers: { connection: 'close' } });
  return { status: response.status, text: await response.text() };
}

/** Writes go from a loopback address of the fuzz suite's own, so that the sign-in routes' rate limits it trips never reach the other suites. */
const request = (method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) =>
  requestFrom(FUZZ_ADDRESS, method, `${cms()}${path}`, init.headers, init.body);

/** Memory of the CMS: it runs inside the test runner's main process, the parent of this worker. */
function cmsMemoryBytes(): number {
  const status = fs.readFileSync(`/proc/${process.ppid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

let documentIds: { group: string; event: string };

describe('hostile input to the CMS', () => {
  const memoryBefore = cmsMemoryBytes();

  it('answers at least 2,000 generated malformed queries to every public read and feed without a 5xx', async () => {
    const groups = JSON.parse((await read('/api/groups?pagination[pageSize]=1')).text);
    const events = JSON.parse((await read('/api/events?pagination[pageSize]=1')).text);
    documentIds = { group: groups.data[0].documentId, event: events.data[0].documentId };
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...READS), query, async (endpoint, q) => {
        const path = endpoint.replace('{id}', endpoint.includes('events') ? documentIds.event : documentIds.group);
        const { status, text } = await read(`${path}?${q}`);
        sent += 1;
        expect(status, `GET ${path}?${q.slice(0, 300)} → ${status} ${text.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 2100, seed: Number(process.env.FUZZ_SEED) || undefined },
    );
    expect(sent).toBeGreaterThanOrEqual(2100);
  }, 600_000);

  it('answers malformed bodies on every public write without a 5xx or a stored record', async () => {
    const applicationsBefore = await read('/api/community/content-version');
    const json = fc.oneof(
      fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify({ data: v })),
      fc.dictionary(fc.constantFrom('proposedName', 'city', 'country', 'languages', 'contactName', 'contactEmail', 'message', 'identifier', 'password', 'email', 'code', 'passwordConfirmation', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 3 })).map((data) => JSON.stringify({ data, ...data })),
      fc.constantFrom('{', '[', '{"data":', 'null', '"x"', '1e400', '{"a":1}}', '\u0000', '{"data":{"message":' + '['.repeat(5000) + ']'.repeat(5000) + '}}', '{"data":' + '{"a":'.repeat(3000) + '1' + '}'.repeat(3000) + '}'),
      fc.string({ maxLength: 200 }),
    );
    const type = fc.constantFrom('application/json', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=utf-7', '');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES), type, json, async (path, contentType, body) => {
        // The e-mail confirmation link is a GET whose token the body's text stands in for.
        const { status, text } =
          path === '/api/auth/email-confirmation'
            ? await request('GET', `${path}?confirmation=${encodeURIComponent(body.slice(0, 2000))}`)
            : await request('POST', path, { headers: contentType ? { 'content-type': contentType } : {}, body });
        expect(status, `POST ${path} (${contentType}) ${body.slice(0, 200)} → ${status} ${text.slice(0, 200)}`).toBeLessThan(500);
        expect(status, `POST ${path} was accepted: ${body.slice(0, 200)}`).not.toBe(201);
      }),
      { numRuns: 800, seed: Number(process.env.FUZZ_SEED) || undefined },
    );
    // Nothing was stored, so no public answer changed.
    expect((await read('/api/community/content-version')).text).toBe(applicationsBefore.text);
  }, 600_000);

  it('stays healthy, with memory bounded, afterwards', async () => {
    const health = await read('/api/community/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ status: 'ok' });
    expect((await read('/api/groups?pagination[pageSize]=5')).status).toBe(200);
    const grown = cmsMemoryBytes() - memoryBefore;
    expect(grown, `the CMS grew by ${Math.round(grown / 2 ** 20)} MiB`).toBeLessThan(256 * 2 ** 20);
  });
});
