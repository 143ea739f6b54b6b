import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembership,
  call,
  contentVersion,
  makeAccount,
  membershipsOf,
  publicCoordinators,
  removeAccount,
  signIn,
  type TestAccount,
} from './memberships-support';

// Requests of this file come from 127.0.50.x, apart from other suites' rate limits.
const FROM = '127.0.50.1';
const OPEN = 'paris-user-group';
// Asks for approval in the demo content.
const APPROVAL = 'berlin-user-group';

describe('joining and leaving groups', () => {
  let ada: TestAccount;
  let ben: TestAccount;
  let unconfirmed: TestAccount;
  let adaToken = '';
  let benToken = '';

  beforeAll(async () => {
    ada = await makeAccount('join-ada');
    ben = await makeAccount('join-ben');
    unconfirmed = await makeAccount('join-unconfirmed', { confirmed: false });
    adaToken = await signIn(ada, '127.0.50.2');
    benToken = await signIn(ben, '127.0.50.3');
  });

  afterAll(async () => {
    for (const account of [ada, ben, unconfirmed]) await removeAccount(account);
  });

  it('joins an open group at once, lists it with its next events, and says so when asked twice', async () => {
    const version = await contentVersion();
    const joined = await call(FROM, 'POST', '/api/community/me/memberships', { token: adaToken, body: { group: OPEN } });
    expect(joined.status, joined.text).toBe(201);
    expect(joined.body).toEqual({ data: { status: 'active' } });
    expect(joined.headers['cache-control']).toBe('private, no-store');

    const again = await call(FROM, 'POST', '/api/community/me/memberships', { token: adaToken, body: { group: OPEN } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/member of "paris-user-group" already/);

    const stored = await membershipsOf(ada);
    expect(stored.map((m) => [m.group?.slug, m.role, m.state, m.wantsEmail])).toEqual([[OPEN, 'member', 'active', true]]);

    const mine = await call(FROM, 'GET', '/api/community/me/groups', { token: adaToken });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.data).toHaveLength(1);
    const [entry] = mine.body.data;
    expect(entry.group).toEqual({ slug: OPEN, name: 'Paris User Group', joinPolicy: 'open' });
    expect(entry).toMatchObject({ role: 'member', status: 'active', wantsEmail: true });
    // The group's next events: at most three, of this group, not over, soonest first — as its public page lists them.
    const now = Date.now();
    expect(entry.nextEvents.length).toBeGreaterThan(0);
    expect(entry.nextEvents.length).toBeLessThanOrEqual(3);
    for (const row of entry.nextEvents) {
      expect(row.group.slug).toBe(OPEN);
      expect(Date.parse(row.end)).toBeGreaterThan(now);
    }
    const starts = entry.nextEvents.map((row: { start: string }) => Date.parse(row.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const page = await call(FROM, 'GET', `/api/groups?filters[slug][$eq]=${OPEN}&populate=upcomingEvents`);
    expect(entry.nextEvents.map((row: { documentId: string }) => row.documentId)).toEqual(
      page.body.data[0].upcomingEvents.slice(0, 3).map((row: { documentId: string }) => row.documentId),
    );

    // A plain member joining shows nowhere public: the public caches stay.
    expect(await contentVersion()).toBe(version);
  });

  it('turns a join of a group that asks for approval into a request a coordinator answers', async () => {
    const requested = await call(FROM, 'POST', '/api/community/me/memberships', { token: benToken, body: { group: APPROVAL } });
    expect(requested.status, requested.text).toBe(201);
    expect(requested.body).toEqual({ data: { status: 'pending' } });
    const again = await call(FROM, 'POST', '/api/community/me/memberships', { token: benToken, body: { group: APPROVAL } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/asked to join/);

    const mine = await call(FROM, 'GET', '/api/community/me/groups', { token: benToken });
    expect(mine.body.data.map((g: any) => [g.group.slug, g.group.joinPolicy, g.status])).toEqual([[APPROVAL, 'approval', 'pending']]);

    // Editors see the request in the admin's membership list, filtered by status.
    const pending = await call(FROM, 'GET', '/api/community/me/requests', { token: benToken });
    expect(pending.body).toEqual({ data: [] });

    // Ada is not a coordinator of the group: she sees no request and cannot answer it.
    const [request] = (await membershipsOf(ben)).filter((m) => m.state === 'pending');
    expect(request).toBeTruthy();
    expect((await call(FROM, 'GET', '/api/community/me/requests', { token: adaToken })).body).toEqual({ data: [] });
    for (const action of ['approve', 'decline']) {
      const refused = await call(FROM, 'POST', `/api/community/me/requests/${request!.documentId}/${action}`, { token: adaToken });
      expect(refused.status, refused.text).toBe(404);
      expect(refused.body.error.message).toMatch(/No pending request/);
    }
    // A coordinator of another group cannot either.
    await addMembership(ada, OPEN, 'coordinator');
    expect((await call(FROM, 'POST', `/api/community/me/requests/${request!.documentId}/approve`, { token: adaToken })).status).toBe(404);
    expect((await membershipsOf(ben)).map((m) => m.state)).toEqual(['pending']);

    // Once Ada coordinates Berlin, she sees and approves it.
    await addMembership(ada, APPROVAL, 'coordinator');
    const listed = await call(FROM, 'GET', '/api/community/me/requests', { token: adaToken });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.data).toEqual([
      { documentId: request!.documentId, group: { slug: APPROVAL, name: 'Berlin User Group' }, member: { username: 'join-ben', displayName: null }, requestedAt: request!.joinedAt },
    ]);
    const version = await contentVersion();
    const approved = await call(FROM, 'POST', `/api/community/me/requests/${request!.documentId}/approve`, { token: adaToken });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toEqual({ data: { status: 'active' } });
    expect((await call(FROM, 'POST', `/api/community/me/requests/${request!.documentId}/approve`, { token: adaToken })).status).toBe(404);
    expect((await membershipsOf(ben)).map((m) => [m.group?.slug, m.state])).toEqual([[APPROVAL, 'active']]);
    expect((await call(FROM, 'GET', '/api/community/me/groups', { token: benToken })).body.data[0].status).toBe('active');
    expect(await contentVersion()).toBe(version);

    // Ben leaves, asks again, and Ada declines: the request is gone and he may ask once more.
    expect((await call(FROM, 'DELETE', `/api/community/me/memberships/${APPROVAL}`, { token: benToken })).status).toBe(204);
    expect((await call(FROM, 'POST', '/api/community/me/memberships', { token: benToken, body: { group: APPROVAL } })).body.data.status).toBe('pending');
    const [second] = await membershipsOf(ben);
    const declined = await call(FROM, 'POST', `/api/community/me/requests/${second!.documentId}/decline`, { token: adaToken });
    expect(declined.status, declined.text).toBe(200);
    expect(declined.body).toEqual({ data: { status: 'declined' } });
    expect(await membershipsOf(ben)).toEqual([]);
    expect((await call(FROM, 'GET', '/api/community/me/requests', { token: adaToken })).body).toEqual({ data: [] });
  });

  it('lets a member withdraw a request', async () => {
    expect((await call(FROM, 'POST', '/api/community/me/memberships', { token: benToken, body: { group: APPROVAL } })).status).toBe(201);
    const withdrawn = await call(FROM, 'DELETE', `/api/community/me/memberships/${APPROVAL}`, { token: benToken });
    expect(withdrawn.status, withdrawn.text).toBe(204);
    expect(await membershipsOf(ben)).toEqual([]);
    expect((await call(FROM, 'GET', '/api/community/me/requests', { token: adaToken })).body).toEqual({ data: [] });
  });

  it('keeps the e-mail choice per group, and changes nothing public with it', async () => {
    const version = await contentVersion();
    const off = await call(FROM, 'PATCH', `/api/community/me/memberships/${OPEN}`, { token: adaToken, body: { wantsEmail: false } });
    expect(off.status, off.text).toBe(200);
    expect(off.body).toEqual({ data: { wantsEmail: false } });
    const stored = await membershipsOf(ada);
    expect(stored.filter((m) => m.group?.slug === OPEN).map((m) => m.wantsEmail)).toEqual([false, false]);
    expect(stored.filter((m) => m.group?.slug === APPROVAL).map((m) => m.wantsEmail)).toEqual([true]);
    const listed = (await call(FROM, 'GET', '/api/community/me/groups', { token: adaToken })).body.data as any[];
    expect(listed.map((g) => [g.group.slug, g.role, g.wantsEmail])).toEqual([
      [APPROVAL, 'coordinator', true],
      [OPEN, 'coordinator', false],
    ]);
    // Even a coordinator's e-mail choice is not shown publicly.
    expect(await contentVersion()).toBe(version);
  });

  it('renews the public pages when a coordinator leaves', async () => {
    await call(FROM, 'PUT', '/api/community/me/account', { token: adaToken, body: { displayName: 'Ada Join' } });
    expect(await publicCoordinators(APPROVAL)).toContain('Ada Join');
    const version = await contentVersion();
    const left = await call(FROM, 'DELETE', `/api/community/me/memberships/${APPROVAL}`, { token: adaToken });
    expect(left.status, left.text).toBe(204);
    expect(await contentVersion()).not.toBe(version);
    expect(await publicCoordinators(APPROVAL)).not.toContain('Ada Join');
    expect((await call(FROM, 'DELETE', `/api/community/me/memberships/${APPROVAL}`, { token: adaToken })).status).toBe(404);
  });

  it('keeps one membership when the same join arrives several times at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) => call(`127.0.50.${10 + index}`, 'POST', '/api/community/me/memberships', { token: benToken, body: { group: OPEN } })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect((await membershipsOf(ben)).map((m) => [m.group?.slug, m.state])).toEqual([[OPEN, 'active']]);
    expect((await call(FROM, 'DELETE', `/api/community/me/memberships/${OPEN}`, { token: benToken })).status).toBe(204);
    expect(await membershipsOf(ben)).toEqual([]);
  });

  it('lets only accounts with a confirmed address join', async () => {
    const token = await signIn(unconfirmed, '127.0.50.4');
    const refused = await call(FROM, 'POST', '/api/community/me/memberships', { token, body: { group: OPEN } });
    expect(refused.status, refused.text).toBe(403);
    expect(refused.body.error.message).toMatch(/Confirm your e-mail address/);
    expect(await membershipsOf(unconfirmed)).toEqual([]);
  });

  it('refuses malformed requests with a message, changing nothing', async () => {
    const before = await membershipsOf(ada);
    for (const body of [{}, { group: 5 }, { group: 'Not A Slug' }, { group: OPEN, role: 'coordinator' }, { group: [OPEN] }, [OPEN], 'text']) {
      const refused = await call(FROM, 'POST', '/api/community/me/memberships', { token: benToken, body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.message, JSON.stringify(body)).toMatch(/group|JSON|field/);
    }
    const unknown = await call(FROM, 'POST', '/api/community/me/memberships', { token: benToken, body: { group: 'no-such-group' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/no-such-group/);
    for (const body of [{}, { wantsEmail: 'no' }, { wantsEmail: false, role: 'coordinator' }, { status: 'active' }, null]) {
      const refused = await call(FROM, 'PATCH', `/api/community/me/memberships/${OPEN}`, { token: adaToken, body: body ?? 'null' });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.message).toMatch(/wantsEmail|JSON|field/);
    }
    // Ben is no member of Paris: nothing of Ada's or his changes.
    expect((await call(FROM, 'PATCH', `/api/community/me/memberships/${OPEN}`, { token: benToken, body: { wantsEmail: true } })).status).toBe(404);
    expect((await call(FROM, 'DELETE', `/api/community/me/memberships/${OPEN}`, { token: benToken })).status).toBe(404);
    expect((await call(FROM, 'DELETE', '/api/community/me/memberships/Not%20A%20Slug', { token: benToken })).status).toBe(400);
    expect((await call(FROM, 'GET', '/api/community/me/groups?sort=name', { token: benToken })).status).toBe(400);
    expect((await call(FROM, 'GET', '/api/community/me/groups?locale=not_a_tag!', { token: benToken })).status).toBe(400);
    expect((await call(FROM, 'GET', '/api/community/me/groups?locale=fr', { token: benToken })).status).toBe(200);
    expect((await call(FROM, 'POST', '/api/community/me/requests/not-an-id/approve', { token: adaToken })).status).toBe(404);
    expect(await membershipsOf(ada)).toEqual(before);
    expect(await membershipsOf(ben)).toEqual([]);
    // Without a session, every member route answers 401.
    for (const [method, path] of [
      ['GET', '/api/community/me/groups'],
      ['POST', '/api/community/me/memberships'],
      ['PATCH', `/api/community/me/memberships/${OPEN}`],
      ['DELETE', `/api/community/me/memberships/${OPEN}`],
      ['GET', '/api/community/me/requests'],
      ['POST', '/api/community/me/requests/abc/approve'],
    ]) {
      expect((await call(FROM, method!, path!, { body: method === 'GET' ? undefined : { group: OPEN } })).status, `${method} ${path}`).toBe(401);
    }
    expect(await membershipsOf(ada)).toEqual(before);
  });

  it('never serves one member’s groups to another member or to an anonymous visitor', async () => {
    const path = '/api/community/me/groups';
    const first = await call(FROM, 'GET', path, { token: adaToken });
    const anonymous = await call(FROM, 'GET', path);
    const second = await call(FROM, 'GET', path, { token: benToken });
    const firstAgain = await call(FROM, 'GET', path, { token: adaToken });
    expect(first.status).toBe(200);
    expect(first.body.data.length).toBeGreaterThan(0);
    expect(anonymous.status).toBe(401);
    expect(anonymous.text).not.toContain(OPEN);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ data: [] });
    expect(firstAgain.body).toEqual(first.body);
    for (const answer of [first, second, anonymous]) expect(answer.headers['cache-control']).toBe('private, no-store');
    expect(first.headers.etag).toBeUndefined();
  });
});
