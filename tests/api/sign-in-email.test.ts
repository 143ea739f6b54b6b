import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { visitorAddressHeader } from '../../web/src/lib/server/visitor-address';
import { startMailServer, type MailServer } from '../fixtures/mail-server';
import { admin, editor, requestFrom } from './client';
import { call } from './memberships-support';

const USER = 'plugin::users-permissions.user';

const send = (from: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  call(from, method, path, { body: typeof body === 'string' ? JSON.stringify(body) : body, headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const accountsWith = async (email: string) => (await editor.list(USER, `filters[email][$eq]=${encodeURIComponent(email)}`)).body.results as any[];

/** Registration with an e-mail address, password resets and the limits of the sign-in routes, on the shared CMS (e-mail sign-in is on by default). */
describe('e-mail sign-in: registration, password reset, limits', () => {
  let mail: MailServer;

  beforeAll(async () => {
    mail = await startMailServer(inject('mailPort'));
  });

  afterAll(async () => {
    await mail?.close();
  });

  it('registers an account that can sign in at once, unconfirmed until the link in the e-mail (in the account’s language) is opened', async () => {
    const email = 'nouvelle.membre@example.net';
    const registered = await send('127.0.42.1', 'POST', '/api/community/auth/register', { username: 'nouvelle', email: 'Nouvelle.Membre@example.net', password: 'Bienvenue-2026', locale: 'fr' });
    expect(registered.status, registered.text).toBe(200);
    expect(registered.body).toEqual({ sent: true });

    const message = await mail.next(email);
    expect(message.subject).toBe('Confirmez votre adresse e-mail');
    expect(message.text).toContain('Bonjour nouvelle');
    const link = /(http:\/\/\S+email-confirmation\?confirmation=[0-9a-f]+)/.exec(message.text)?.[1];
    expect(link, message.text).toBeTruthy();

    const signedIn = await send('127.0.42.1', 'POST', '/api/community/auth/local', { identifier: email, password: 'Bienvenue-2026' });
    expect(signedIn.status, signedIn.text).toBe(200);
    expect(signedIn.body.member).toEqual({ username: 'nouvelle', email, confirmed: false });

    const confirmed = await requestFrom('127.0.42.1', 'GET', link!);
    expect(confirmed.status).toBe(302);
    const me = await send('127.0.42.1', 'GET', '/api/community/me', undefined, bearer(signedIn.body.session));
    expect(me.body.data.confirmed).toBe(true);
  });

  it('answers a registration for an address that is taken exactly as for a new one, and makes no second account', async () => {
    const email = 'taken.address@example.net';
    const first = await send('127.0.42.2', 'POST', '/api/community/auth/register', { username: 'taken-first', email, password: 'First-passw0rd' });
    await mail.next(email);
    const second = await send('127.0.42.2', 'POST', '/api/community/auth/register', { username: 'taken-second', email, password: 'Second-passw0rd' });
    expect(second.status).toBe(first.status);
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    // A later registration (a new address) is done after the one for the taken address would have been.
    await send('127.0.42.2', 'POST', '/api/community/auth/register', { username: 'taken-later', email: 'taken.later@example.net', password: 'Later-passw0rd' });
    await mail.next('taken.later@example.net');
    const accounts = await accountsWith(email);
    expect(accounts.map((account) => account.username)).toEqual(['taken-first']);
    // The first password still signs in; the second does not.
    expect((await send('127.0.42.2', 'POST', '/api/community/auth/local', { identifier: email, password: 'Second-passw0rd' })).status).toBe(400);
  });

  for (const [index, field] of (['role', 'confirmed', 'blocked', 'provider', 'resetPasswordToken'] as const).entries()) {
    it(`refuses a registration that sets ${field} with a 400, and creates nothing`, async () => {
      const email = `chooses-${field.toLowerCase()}@example.net`;
      const value = { role: 1, confirmed: true, blocked: false, provider: 'google', resetPasswordToken: 'x' }[field];
      const answer = await send(`127.0.42.${40 + index}`, 'POST', '/api/community/auth/register', { username: `chooses-${field.toLowerCase()}`, email, password: 'Chosen-passw0rd', [field]: value });
      expect(answer.status, answer.text).toBe(400);
      expect(answer.body.error.message).toContain(field);
      expect(await accountsWith(email)).toEqual([]);
    });
  }

  it('refuses malformed registrations with a 400', async () => {
    for (const [index, body] of [
      { username: 'ab', email: 'short@example.net', password: 'Long-enough-1' },
      { username: 'bad-address', email: 'not an address', password: 'Long-enough-1' },
      { username: 'short-password', email: 'shortpw@example.net', password: 'short' },
      { username: { $ne: null }, email: 'odd@example.net', password: 'Long-enough-1' },
      { username: 'bad-locale', email: 'locale@example.net', password: 'Long-enough-1', locale: 'xx-evil' },
      [],
    ].entries()) {
      // Registration takes five a visitor in ten minutes: each case from an address of its own.
      const answer = await send(`127.0.42.${30 + index}`, 'POST', '/api/community/auth/register', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('refuses non-string reset codes with a 400', async () => {
    for (const code of [{ $ne: null }, ['x'], 12345, true, null, { $gt: '' }]) {
      const response = await send('127.0.42.5', 'POST', '/api/auth/reset-password', { code, password: 'New-passw0rd', passwordConfirmation: 'New-passw0rd' });
      expect(response.status, JSON.stringify(code)).toBe(400);
    }
  });

  it('ends every session of the account when its password is reset', async () => {
    const email = 'resets.password@example.net';
    const roles = (await admin.get('/users-permissions/roles')).body.roles as { documentId: string; type: string }[];
    const created = await editor.create(USER, {
      username: 'resets-password',
      email,
      password: 'Before-passw0rd',
      confirmed: true,
      blocked: false,
      role: { connect: [{ documentId: roles.find((role) => role.type === 'authenticated')!.documentId }] },
    });
    expect(created.status, created.text).toBe(201);
    const sessions = [];
    for (const from of ['127.0.42.6', '127.0.42.7']) {
      const signedIn = await send(from, 'POST', '/api/community/auth/local', { identifier: email, password: 'Before-passw0rd' });
      expect(signedIn.status).toBe(200);
      sessions.push(signedIn.body.session as string);
    }

    const seen = mail.messages.filter((m) => m.to.includes(email)).length;
    expect((await send('127.0.42.6', 'POST', '/api/auth/forgot-password', { email })).status).toBe(200);
    const reset = await mail.next(email, seen);
    const code = /code=([0-9a-f]{128})/.exec(reset.text)?.[1];
    expect(code, reset.text).toBeTruthy();
    const changed = await send('127.0.42.6', 'POST', '/api/auth/reset-password', { code, password: 'After-passw0rd', passwordConfirmation: 'After-passw0rd' });
    expect(changed.status, changed.text).toBe(200);

    for (const session of sessions) {
      expect((await send('127.0.42.6', 'GET', '/api/community/me', undefined, bearer(session))).status).toBe(401);
    }
    const after = await send('127.0.42.6', 'POST', '/api/community/auth/local', { identifier: email, password: 'After-passw0rd' });
    expect(after.status).toBe(200);

    // An editor setting a new password in the admin ends the sessions too.
    const documentId = (created.body.data ?? created.body).documentId;
    expect((await editor.update(USER, documentId, { password: 'Editor-set-passw0rd' })).status).toBe(200);
    expect((await send('127.0.42.6', 'GET', '/api/community/me', undefined, bearer(after.body.session))).status).toBe(401);
  });

  it('limits sign-in attempts per address, whatever the body, the path’s case or the headers say', async () => {
    const from = '127.0.42.20';
    const attempts: { path: string; body: unknown; headers: Record<string, string> }[] = [
      { path: '/api/community/auth/local', body: { identifier: 'someone@example.net', password: 'wrong-1' }, headers: {} },
      { path: '/api/community/auth/local', body: { identifier: 'SOMEONE@example.net', password: 'wrong-2', email: 'x@example.net' }, headers: {} },
      { path: '/api/community/auth/local/', body: { identifier: 'other@example.net', password: 'wrong-3' }, headers: {} },
      { path: '/api/community/auth/local', body: { identifier: 'x', password: 'wrong-4' }, headers: { 'x-forwarded-for': '203.0.113.9' } },
      { path: '/api/community/auth/local', body: { identifier: 'y', password: 'wrong-5' }, headers: { 'x-real-ip': '203.0.113.10' } },
      // A visitor address not signed by the website counts as nothing.
      { path: '/api/community/auth/local', body: { identifier: 'z', password: 'wrong-6' }, headers: { 'x-visitor-address': '203.0.113.11;1;' + 'A'.repeat(43) } },
    ];
    for (let i = 0; i < 10; i++) {
      const attempt = attempts[i % attempts.length]!;
      const answer = await send(from, 'POST', attempt.path, attempt.body, attempt.headers);
      expect(answer.status, `${i}: ${answer.text}`).toBe(400);
    }
    for (const attempt of [...attempts, { path: '/API/Community/Auth/LOCAL', body: { identifier: 'a', password: 'b' }, headers: {} }]) {
      const answer = await send(from, 'POST', attempt.path, attempt.body, attempt.headers);
      expect([429, 404], `${attempt.path} ${JSON.stringify(attempt.headers)}: ${answer.status}`).toContain(answer.status);
      expect(answer.status === 404 && attempt.path !== '/API/Community/Auth/LOCAL').toBe(false);
    }
    // The website's server, at the same connection address, speaks for a visitor of its own: counted apart.
    const vouched = visitorAddressHeader('198.51.100.40', inject('cmsEnv').VISITOR_ADDRESS_SECRET)!;
    const visitor = await send(from, 'POST', '/api/community/auth/local', { identifier: 'someone@example.net', password: 'wrong' }, { 'x-visitor-address': vouched });
    expect(visitor.status).toBe(400);
  });

  it('counts the visitors the website vouches for on users-permissions’ own limited routes (password reset)', async () => {
    const secret = inject('cmsEnv').VISITOR_ADDRESS_SECRET;
    const ask = (visitor: string) =>
      send('127.0.42.22', 'POST', '/api/auth/forgot-password', { email: 'limited.reset@example.net' }, { 'x-visitor-address': visitorAddressHeader(visitor, secret)! });
    // users-permissions takes ten a minute per route, client address and e-mail address.
    for (let i = 0; i < 10; i++) expect((await ask('198.51.100.43')).status, String(i)).toBe(200);
    expect((await ask('198.51.100.43')).status).toBe(429);
    expect((await ask('198.51.100.44')).status).toBe(200);
  });

  it('counts the visitors the website vouches for, each apart, on registration and code exchange too', async () => {
    const secret = inject('cmsEnv').VISITOR_ADDRESS_SECRET;
    const limited = async (path: string, body: (i: number) => unknown, max: number) => {
      const vouched = visitorAddressHeader('198.51.100.41', secret)!;
      for (let i = 0; i < max; i++) {
        expect((await send('127.0.42.21', 'POST', path, body(i), { 'x-visitor-address': vouched })).status, `${path} ${i}`).not.toBe(429);
      }
      expect((await send('127.0.42.21', 'POST', path, body(max), { 'x-visitor-address': vouched })).status, path).toBe(429);
      const other = visitorAddressHeader('198.51.100.42', secret)!;
      expect((await send('127.0.42.21', 'POST', path, body(max + 1), { 'x-visitor-address': other })).status, path).not.toBe(429);
    };
    await limited('/api/community/auth/exchange', () => ({ code: 'c'.repeat(43) }), 10);
    await limited('/api/community/auth/register', (i) => ({ username: `limited-${i}`, email: `limited-${i}@example.net`, password: 'Limited-passw0rd', role: 1 }), 5);
  });
});
