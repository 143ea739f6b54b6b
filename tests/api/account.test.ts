import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin } from './client';
import {
  PASSWORD,
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

// Requests of this file come from 127.0.52.x, apart from other suites' rate limits.
const FROM = '127.0.52.1';
const OPEN = 'paris-user-group';
// Asks for approval in the demo content.
const APPROVAL = 'cape-town-user-group';
const USERS = '/content-manager/collection-types/plugin::users-permissions.user';

describe('the account', () => {
  let ada: TestAccount;
  let ben: TestAccount;
  let adaToken = '';
  let benToken = '';

  beforeAll(async () => {
    ada = await makeAccount('account-ada');
    ben = await makeAccount('account-ben', { displayName: 'Ben Shown' });
    adaToken = await signIn(ada, '127.0.52.2');
    benToken = await signIn(ben, '127.0.52.3');
  });

  afterAll(async () => {
    await removeAccount(ada);
    await removeAccount(ben);
  });

  it('shows the member their account and no one else’s', async () => {
    const mine = await call(FROM, 'GET', '/api/community/me/account', { token: adaToken });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body).toEqual({ data: { username: 'account-ada', email: 'account-ada@example.net', displayName: null, locale: null } });
    expect(mine.headers['cache-control']).toBe('private, no-store');
    const anonymous = await call(FROM, 'GET', '/api/community/me/account');
    expect(anonymous.status).toBe(401);
    expect(anonymous.text).not.toContain('account-ada');
    const theirs = await call(FROM, 'GET', '/api/community/me/account', { token: benToken });
    expect(theirs.body.data).toEqual({ username: 'account-ben', email: 'account-ben@example.net', displayName: 'Ben Shown', locale: null });
    expect((await call(FROM, 'GET', '/api/community/me/account', { token: adaToken })).body).toEqual(mine.body);
  });

  it('changes the display name and the preferred language, one of the site’s', async () => {
    const version = await contentVersion();
    const changed = await call(FROM, 'PUT', '/api/community/me/account', { token: adaToken, body: { displayName: '  Ada   Lovelace ', locale: 'pt-br' } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.data).toEqual({ username: 'account-ada', email: 'account-ada@example.net', displayName: 'Ada Lovelace', locale: 'pt-BR' });
    expect((await call(FROM, 'GET', '/api/community/me/account', { token: adaToken })).body.data).toEqual(changed.body.data);
    // Ada coordinates nothing: her name shows nowhere public, so the public caches stay.
    expect(await contentVersion()).toBe(version);

    const cleared = await call(FROM, 'PUT', '/api/community/me/account', { token: adaToken, body: { displayName: '' } });
    expect(cleared.body.data).toMatchObject({ displayName: null, locale: 'pt-BR' });
    const onlyLocale = await call(FROM, 'PUT', '/api/community/me/account', { token: adaToken, body: { locale: 'ar' } });
    expect(onlyLocale.body.data).toMatchObject({ displayName: null, locale: 'ar' });
  });

  it('refuses what it cannot take, with a message, changing nothing', async () => {
    const before = (await call(FROM, 'GET', '/api/community/me/account', { token: adaToken })).body;
    const refusals: [unknown, RegExp][] = [
      [{}, /displayName|locale/],
      [{ locale: 'xx' }, /site's languages/],
      [{ locale: 'fr-FR' }, /site's languages/],
      [{ locale: ['fr'] }, /site's languages/],
      [{ locale: null }, /site's languages/],
      [{ displayName: 'x'.repeat(81) }, /longer than 80/],
      [{ displayName: 42 }, /displayName/],
      [{ displayName: 'Line\nbreak' }, /control characters/],
      [{ displayName: 'Ada', email: 'other@example.net' }, /not: email/],
      [{ username: 'taken' }, /not: username/],
      [{ displayName: 'Ada', confirmed: false, role: 1 }, /not: confirmed, role/],
      [['displayName'], /JSON/],
      ['text', /JSON/],
    ];
    for (const [body, message] of refusals) {
      const refused = await call(FROM, 'PUT', '/api/community/me/account', { token: adaToken, body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.message, JSON.stringify(body)).toMatch(message);
    }
    expect((await call(FROM, 'GET', '/api/community/me/account', { token: adaToken })).body).toEqual(before);
    expect((await call(FROM, 'PUT', '/api/community/me/account', { body: { displayName: 'Nobody' } })).status).toBe(401);
    expect((await call(FROM, 'GET', '/api/community/me/account', { token: adaToken })).body).toEqual(before);
  });

  it('renews the public pages when a coordinator changes the name they show', async () => {
    await addMembership(ben, OPEN, 'coordinator');
    expect(await publicCoordinators(OPEN)).toContain('Ben Shown');
    const version = await contentVersion();
    expect((await call(FROM, 'PUT', '/api/community/me/account', { token: benToken, body: { displayName: 'Ben Renamed' } })).status).toBe(200);
    expect(await contentVersion()).not.toBe(version);
    expect(await publicCoordinators(OPEN)).toContain('Ben Renamed');
    // Another change of what no page shows leaves the caches alone.
    const after = await contentVersion();
    expect((await call(FROM, 'PUT', '/api/community/me/account', { token: benToken, body: { locale: 'de' } })).status).toBe(200);
    expect(await contentVersion()).toBe(after);
  });

  it('exports what the portal keeps about the member', async () => {
    expect((await call(FROM, 'POST', '/api/community/me/memberships', { token: adaToken, body: { group: OPEN } })).status).toBe(201);
    expect((await call(FROM, 'POST', '/api/community/me/memberships', { token: adaToken, body: { group: APPROVAL } })).status).toBe(201);
    expect((await call(FROM, 'PATCH', `/api/community/me/memberships/${OPEN}`, { token: adaToken, body: { wantsEmail: false } })).status).toBe(200);
    const stored = await membershipsOf(ada);
    const exported = await call(FROM, 'GET', '/api/community/me/export', { token: adaToken });
    expect(exported.status, exported.text).toBe(200);
    expect(exported.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="chapterhouse-account-ada.json"');
    expect(exported.headers['cache-control']).toBe('private, no-store');
    const data = exported.body;
    expect(Date.parse(data.exportedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(data.account).toEqual({
      username: 'account-ada',
      email: 'account-ada@example.net',
      displayName: null,
      locale: 'ar',
      confirmed: true,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(data.identities).toEqual([{ provider: 'local' }]);
    const since = (slug: string) => stored.find((m) => m.group?.slug === slug)!.joinedAt;
    expect(data.memberships).toEqual([{ group: { slug: OPEN, name: 'Paris User Group' }, role: 'member', wantsEmail: false, since: since(OPEN) }]);
    expect(data.requests).toEqual([{ group: { slug: APPROVAL, name: 'Cape Town User Group' }, role: 'member', wantsEmail: true, since: since(APPROVAL) }]);
    // Nothing secret: no password digest, no session or calendar secret.
    expect(exported.text).not.toMatch(/password|\$2[aby]\$|chs_|secret|nonce/i);
    // Another member's export is theirs alone.
    const theirs = await call(FROM, 'GET', '/api/community/me/export', { token: benToken });
    expect(theirs.body.account.username).toBe('account-ben');
    expect(theirs.text).not.toContain('account-ada');
    expect((await call(FROM, 'GET', '/api/community/me/export')).status).toBe(401);
  });

  it('deletes the account: sessions end, memberships and the calendar go, the account is gone', async () => {
    const second = await signIn(ada, '127.0.52.4');
    const calendar = (await call(FROM, 'GET', '/api/community/me/calendar', { token: adaToken })).body.data.url as string;
    expect((await call(FROM, 'GET', calendar)).status).toBe(200);
    const version = await contentVersion();

    const deleted = await call(FROM, 'DELETE', '/api/community/me/account', { token: adaToken });
    expect(deleted.status, deleted.text).toBe(204);
    for (const token of [adaToken, second]) {
      const dead = await call(FROM, 'GET', '/api/community/me', { token });
      expect(dead.status).toBe(401);
      expect(dead.body.error.message).toMatch(/ended/);
    }
    expect((await call(FROM, 'GET', calendar)).status).toBe(404);
    expect(await membershipsOf(ada)).toEqual([]);
    expect((await admin.get(`${USERS}/${ada.documentId}`)).status).toBe(404);
    const again = await call('127.0.52.5', 'POST', '/api/community/auth/local', { body: { identifier: ada.email, password: PASSWORD } });
    expect(again.status).toBe(400);
    // She was no coordinator: nothing public changed.
    expect(await contentVersion()).toBe(version);
    // Ben's account and sessions are untouched.
    expect((await call(FROM, 'GET', '/api/community/me', { token: benToken })).status).toBe(200);
    expect((await call(FROM, 'DELETE', '/api/community/me/account')).status).toBe(401);
  });

  it('takes a deleted coordinator off the group pages at once', async () => {
    expect(await publicCoordinators(OPEN)).toContain('Ben Renamed');
    const version = await contentVersion();
    expect((await call(FROM, 'DELETE', '/api/community/me/account', { token: benToken })).status).toBe(204);
    expect(await contentVersion()).not.toBe(version);
    expect(await publicCoordinators(OPEN)).not.toContain('Ben Renamed');
    expect((await call(FROM, 'GET', '/api/community/me', { token: benToken })).status).toBe(401);
    expect(await membershipsOf(ben)).toEqual([]);
  });
});
