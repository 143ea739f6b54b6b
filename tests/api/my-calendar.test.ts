import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectedEvents as expectedFrom, parsedEvents } from './member-calendar';
import { call, makeAccount, membershipsOf, removeAccount, signIn, addMembership, type TestAccount } from './memberships-support';

// Requests of this file come from 127.0.51.x, apart from other suites' rate limits.
const FROM = '127.0.51.1';
const OPEN = 'paris-user-group';
const ALSO_OPEN = 'london-user-group';
// Asks for approval in the demo content.
const APPROVAL = 'tokyo-user-group';

const expectedEvents = (slugs: string[], locale = 'en') => expectedFrom(inject('cmsUrl'), slugs, locale);

describe('my calendar', () => {
  let ada: TestAccount;
  let ben: TestAccount;
  let adaToken = '';
  let benToken = '';

  beforeAll(async () => {
    ada = await makeAccount('calendar-ada');
    ben = await makeAccount('calendar-ben');
    adaToken = await signIn(ada, '127.0.51.2');
    benToken = await signIn(ben, '127.0.51.3');
    for (const group of [OPEN, ALSO_OPEN, APPROVAL]) {
      const joined = await call(FROM, 'POST', '/api/community/me/memberships', { token: adaToken, body: { group } });
      expect(joined.status, joined.text).toBe(201);
    }
  });

  afterAll(async () => {
    await removeAccount(ada);
    await removeAccount(ben);
  });

  it('gives a member one secret address, the same each time, and another member another', async () => {
    const first = await call(FROM, 'GET', '/api/community/me/calendar', { token: adaToken });
    expect(first.status, first.text).toBe(200);
    expect(first.headers['cache-control']).toBe('private, no-store');
    const url = first.body.data.url as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/community\/members\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await call(FROM, 'GET', '/api/community/me/calendar', { token: adaToken })).body.data.url).toBe(url);
    const other = await call(FROM, 'GET', '/api/community/me/calendar', { token: benToken });
    expect(other.body.data.url).not.toBe(url);
    expect((await call(FROM, 'GET', '/api/community/me/calendar')).status).toBe(401);
  });

  it('holds every event of the groups the member belongs to, as independent parsers read it, but not of a request', async () => {
    const url = (await call(FROM, 'GET', '/api/community/me/calendar', { token: adaToken })).body.data.url as string;
    const feed = await call(FROM, 'GET', url);
    expect(feed.status, feed.text).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('private, no-cache');
    expect(feed.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const expected = await expectedEvents([OPEN, ALSO_OPEN]);
    expect(expected.size).toBeGreaterThan(3);
    expect(parsedEvents(feed.text)).toEqual(expected);

    // Conditional requests, as with the group calendars.
    const etag = feed.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await call(FROM, 'GET', url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');

    // Once the request is approved, the group's events are in it too.
    const coordinator = await makeAccount('calendar-coordinator');
    try {
      await addMembership(coordinator, APPROVAL, 'coordinator');
      const token = await signIn(coordinator, '127.0.51.4');
      const [request] = (await call(FROM, 'GET', '/api/community/me/requests', { token })).body.data;
      expect(request.member.username).toBe('calendar-ada');
      expect((await call(FROM, 'POST', `/api/community/me/requests/${request.documentId}/approve`, { token })).status).toBe(200);
    } finally {
      await removeAccount(coordinator);
    }
    const withTokyo = await call(FROM, 'GET', url, { headers: { 'if-none-match': etag } });
    expect(withTokyo.status).toBe(200);
    expect(parsedEvents(withTokyo.text)).toEqual(await expectedEvents([OPEN, ALSO_OPEN, APPROVAL]));

    // Leaving a group takes its events out.
    expect((await call(FROM, 'DELETE', `/api/community/me/memberships/${ALSO_OPEN}`, { token: adaToken })).status).toBe(204);
    expect(parsedEvents((await call(FROM, 'GET', url)).text)).toEqual(await expectedEvents([OPEN, APPROVAL]));
  });

  it('speaks the language the member chose', async () => {
    const url = (await call(FROM, 'GET', '/api/community/me/calendar', { token: adaToken })).body.data.url as string;
    expect((await call(FROM, 'PUT', '/api/community/me/account', { token: adaToken, body: { locale: 'fr' } })).status).toBe(200);
    const french = await call(FROM, 'GET', url);
    const expected = await expectedEvents([OPEN, APPROVAL], 'fr');
    // Some of these events have French titles.
    expect([...expected.values()]).not.toEqual([...(await expectedEvents([OPEN, APPROVAL])).values()]);
    expect(parsedEvents(french.text)).toEqual(expected);
    expect((await call(FROM, 'PUT', '/api/community/me/account', { token: adaToken, body: { locale: 'en' } })).status).toBe(200);
  });

  it('kills the old address at once when renewed', async () => {
    const old = (await call(FROM, 'GET', '/api/community/me/calendar', { token: adaToken })).body.data.url as string;
    expect((await call(FROM, 'GET', old)).status).toBe(200);
    const renewed = await call(FROM, 'POST', '/api/community/me/calendar/renew', { token: adaToken });
    expect(renewed.status, renewed.text).toBe(200);
    const url = renewed.body.data.url as string;
    expect(url).not.toBe(old);
    const dead = await call(FROM, 'GET', old);
    expect(dead.status).toBe(404);
    expect(dead.body.error.message).toMatch(/renewed/);
    expect((await call(FROM, 'GET', url)).status).toBe(200);
    expect((await call(FROM, 'GET', '/api/community/me/calendar', { token: adaToken })).body.data.url).toBe(url);
    expect((await call(FROM, 'POST', '/api/community/me/calendar/renew')).status).toBe(401);
  });

  it('answers 404 to addresses that are no calendar and 400 to query parameters', async () => {
    const url = (await call(FROM, 'GET', '/api/community/me/calendar', { token: adaToken })).body.data.url as string;
    const secret = /calendar\/([^.]+)\.ics$/.exec(url)![1]!;
    const path = '/api/community/members/calendar';
    for (const file of [`${secret}`, `${secret}.ical`, `${secret.slice(1)}.ics`, `${secret.toUpperCase()}.ics`, `${'A'.repeat(43)}.ics`, '..%2F.ics', 'x.ics']) {
      expect((await call(FROM, 'GET', `${path}/${file}`)).status, file).toBe(404);
    }
    const withQuery = await call(FROM, 'GET', `${url}?locale=fr`);
    expect(withQuery.status).toBe(400);
    expect(withQuery.body.error.message).toMatch(/query parameter/);
    // The address is the credential: a session does not open another member's calendar.
    expect((await call(FROM, 'GET', `${path}/${'A'.repeat(43)}.ics`, { token: adaToken })).status).toBe(404);
    expect(await membershipsOf(ben)).toEqual([]);
  });
});
