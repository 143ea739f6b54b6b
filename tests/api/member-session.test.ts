import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, editor } from './client';
import { call } from './memberships-support';

const PASSWORD = 'Member-passw0rd';
const EMAIL = 'session.member@example.net';
const FROM = '127.0.31.1';

// A JSON body that is itself a string is sent as JSON text too.
const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, from = FROM) =>
  call(from, method, path, { body: typeof body === 'string' ? JSON.stringify(body) : body, headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('member sessions', () => {
  let accountId = '';

  beforeAll(async () => {
    const roles = (await admin.get('/users-permissions/roles')).body.roles as { documentId: string; type: string }[];
    const created = await editor.create('plugin::users-permissions.user', {
      username: 'session-member',
      email: EMAIL,
      password: PASSWORD,
      confirmed: true,
      blocked: false,
      role: { connect: [{ documentId: roles.find((role) => role.type === 'authenticated')!.documentId }] },
    });
    expect(created.status, created.text).toBe(201);
    accountId = (created.body.data ?? created.body).documentId;
  });

  afterAll(async () => {
    if (accountId) await admin.send('DELETE', `/content-manager/collection-types/plugin::users-permissions.user/${accountId}`);
  });

  it('signs in with the password, answers who it is, and signs out for good', async () => {
    const signedIn = await send('POST', '/api/community/auth/local', { identifier: 'Session.Member@example.net', password: PASSWORD });
    expect(signedIn.status, signedIn.text).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('no-store');
    expect(signedIn.body.member).toEqual({ username: 'session-member', email: EMAIL, confirmed: true });
    const token = signedIn.body.session as string;
    expect(token).toMatch(/^chs_/);
    expect(Date.parse(signedIn.body.expiresAt)).toBeGreaterThan(Date.now());

    const me = await send('GET', '/api/community/me', undefined, bearer(token));
    expect(me.status, me.text).toBe(200);
    expect(me.body.data.username).toBe('session-member');
    expect(me.headers['cache-control']).toBe('private, no-store');

    // A second session (another browser) stays when the first signs out.
    const other = (await send('POST', '/api/community/auth/local', { identifier: 'session-member', password: PASSWORD })).body.session as string;
    expect((await send('POST', '/api/community/auth/sign-out', undefined, bearer(token))).status).toBe(204);
    expect((await send('GET', '/api/community/me', undefined, bearer(token))).status).toBe(401);
    expect((await send('POST', '/api/community/auth/sign-out', undefined, bearer(token))).status).toBe(401);
    expect((await send('GET', '/api/community/me', undefined, bearer(other))).status).toBe(200);
  });

  it('gives the same answer for a wrong password and for an account that does not exist', async () => {
    const wrong = await send('POST', '/api/community/auth/local', { identifier: EMAIL, password: 'not-the-passw0rd' }, {}, '127.0.31.2');
    const unknown = await send('POST', '/api/community/auth/local', { identifier: 'nobody.at.all@example.net', password: 'not-the-passw0rd' }, {}, '127.0.31.2');
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });

  it('refuses malformed bodies and tokens with a 400 or 401 that says what is wrong', async () => {
    for (const body of [{}, { identifier: { $ne: null }, password: PASSWORD }, { identifier: EMAIL, password: ['x'] }, [], 'text']) {
      const response = await send('POST', '/api/community/auth/local', body, {}, '127.0.31.3');
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.message).toMatch(/identifier|password|JSON/);
    }
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer' },
      { authorization: 'Bearer chs_forged' },
      { authorization: `Bearer chs_${'A'.repeat(43)}` },
      { authorization: 'Basic abc' },
    ];
    for (const headers of attempts) {
      const response = await send('GET', '/api/community/me', undefined, headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.body.error.message).toMatch(/sign in/i);
    }
  });

  it('limits sign-in attempts per client address, whatever the body says', async () => {
    const from = '127.0.31.4';
    const statuses: number[] = [];
    // users-permissions' limit: ten a minute per address and route. The body changes on every try.
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const identifier = attempt % 2 ? `Someone${attempt}@Example.net` : EMAIL.toUpperCase();
      const body = { identifier, password: `wrong-${attempt}`, email: `x${attempt}@example.net` };
      statuses.push((await send('POST', '/api/community/auth/local', body, { 'x-forwarded-for': `10.0.0.${attempt}` }, from)).status);
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429, 429]);
    // Even the right password waits; another address does not.
    expect((await send('POST', '/api/community/auth/local', { identifier: EMAIL, password: PASSWORD }, {}, from)).status).toBe(429);
    expect((await send('POST', '/api/community/auth/local', { identifier: EMAIL, password: PASSWORD }, {}, '127.0.31.5')).status).toBe(200);
  });
});
