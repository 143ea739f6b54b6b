import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Browser } from '../fixtures/identity-browser';
import { GOOGLE_SHAPE, LINKEDIN_SHAPE, startOAuthServer, type OAuthServer, type Person } from '../fixtures/identity-oauth-server';
import { startOidcProvider, type OidcProvider } from '../fixtures/identity-oidc-provider';
import { startOpenId2Provider, type OpenId2Provider } from '../fixtures/identity-openid2-provider';
import { providerSettings } from '../fixtures/identity-settings';
import { createTestDatabase, type TestDatabase } from '../setup/database';
import { startCms, type RunningCms } from '../setup/strapi';
import { freePort } from '../setup/ports';
import { requestFrom } from './client';

/** The website, as the CMS sends browsers back to it; the browser stops there (the website's own tests take over). */
const WEBSITE = 'http://website.test';

/**
 * Sign-in with outside providers over the real protocols, on a CMS of its own whose
 * settings switch Google, LinkedIn and a generic OpenID Connect provider on: local servers
 * with Google's and LinkedIn's endpoint shapes, and the `oidc-provider` package.
 */
describe('sign-in with outside providers', () => {
  let database: TestDatabase;
  let cms: RunningCms;
  let google: OAuthServer;
  let linkedin: OAuthServer;
  let oidc: OidcProvider;
  let launchpad: OpenId2Provider;
  let cmsUrl = '';
  let address = 0;
  /** A loopback address no other test has used, so per-address limits never meet. */
  const nextAddress = () => `127.0.40.${++address}`;
  const callback = (provider: string) => `${cmsUrl}/api/community/auth/${provider}/callback`;

  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, from = '127.0.41.1') => {
    const response = await requestFrom(
      from,
      method,
      `${cmsUrl}${path}`,
      body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body === undefined ? undefined : JSON.stringify(body),
    );
    return { ...response, body: response.text ? JSON.parse(response.text) : undefined };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  /** A browser's whole sign-in: from the start to the website's /auth/done. */
  async function signIn(provider: string, query = '', browser = new Browser(nextAddress())) {
    const { final, steps } = await browser.follow(`${cmsUrl}/api/community/auth/${provider}/start${query}`, (url) => url.origin === WEBSITE);
    return { final, steps, browser };
  }

  /** The one-time code exchanged for a session, as the website's server does it. */
  async function exchange(code: string | null) {
    return send('POST', '/api/community/auth/exchange', { code }, {}, nextAddress());
  }

  async function sessionFor(provider: string, query = '') {
    const { final } = await signIn(provider, query);
    expect(final.pathname, final.href).toBe('/auth/done');
    const exchanged = await exchange(final.searchParams.get('code'));
    expect(exchanged.status, exchanged.text).toBe(200);
    return exchanged.body as { session: string; returnTo: string; member: { username: string; email: string | null; confirmed: boolean } };
  }

  beforeAll(async () => {
    const port = await freePort();
    cmsUrl = `http://127.0.0.1:${port}`;
    google = await startOAuthServer(GOOGLE_SHAPE, () => [callback('google')]);
    linkedin = await startOAuthServer(LINKEDIN_SHAPE, () => [callback('linkedin')]);
    oidc = await startOidcProvider([callback('oidc')]);
    launchpad = await startOpenId2Provider();
    database = await createTestDatabase(inject('database'));
    Object.assign(process.env, database.env, {
      SEED_DEMO: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_WEB_URL: WEBSITE,
      ...providerSettings({ google, linkedin, oidc, launchpad }),
    });
    cms = await startCms(port);
  });

  afterAll(async () => {
    await cms?.stop();
    await database?.drop();
    await Promise.all([google?.close(), linkedin?.close(), oidc?.close(), launchpad?.close()]);
  });

  it('lists the providers its settings switch on', async () => {
    const listed = await send('GET', '/api/community/auth/providers');
    expect(listed.status).toBe(200);
    expect(listed.headers['cache-control']).toMatch(/^public, /);
    expect(listed.body).toEqual({
      data: [
        { id: 'google', name: 'Google' },
        { id: 'linkedin', name: 'LinkedIn' },
        { id: 'oidc', name: 'Community ID' },
        { id: 'launchpad', name: 'Launchpad' },
        { id: 'email', name: 'E-mail' },
      ],
    });
  });

  it('signs in with Google: state, nonce and PKCE at the provider, a one-time code to the website, a session from the code', async () => {
    google.signInAs({ sub: '108234567890', email: 'Ada.Lovelace@example.net', email_verified: true, name: 'Ada Lovelace' });
    const { final } = await signIn('google', '?returnTo=%2Ffr%2Fgroups%2Fberlin%3Ftab%3Devents');
    const asked = google.authorizations.at(-1)!;
    expect(asked.get('redirect_uri')).toBe(callback('google'));
    expect(asked.get('state')).toMatch(/^[\w-]{43}$/);
    expect(asked.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(asked.get('code_challenge_method')).toBe('S256');
    expect(asked.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(final.origin + final.pathname).toBe(`${WEBSITE}/auth/done`);
    const code = final.searchParams.get('code')!;
    expect(code).toMatch(/^[\w-]{43}$/);
    expect([...final.searchParams.keys()]).toEqual(['code']);

    const exchanged = await exchange(code);
    expect(exchanged.status, exchanged.text).toBe(200);
    expect(exchanged.headers['cache-control']).toBe('no-store');
    expect(exchanged.body.returnTo).toBe('/fr/groups/berlin?tab=events');
    expect(exchanged.body.member).toEqual({ username: 'ada-lovelace', email: 'ada.lovelace@example.net', confirmed: true });
    const me = await send('GET', '/api/community/me', undefined, bearer(exchanged.body.session));
    expect(me.status).toBe(200);
    expect(me.body.data.username).toBe('ada-lovelace');

    // The same Google account signs in to the same portal account next time.
    const again = await sessionFor('google');
    expect(again.member.username).toBe('ada-lovelace');
    expect(again.returnTo).toBe('/');
  });

  it('signs in with LinkedIn (OpenID Connect, without PKCE, which LinkedIn takes from native apps only)', async () => {
    linkedin.signInAs({ sub: 'yrZCpj2Z12', email: 'grace@example.org', email_verified: true, name: 'Grace Hopper' });
    const session = await sessionFor('linkedin');
    const asked = linkedin.authorizations.at(-1)!;
    expect(asked.get('redirect_uri')).toBe(callback('linkedin'));
    expect(asked.get('code_challenge')).toBeNull();
    expect(asked.get('nonce')).toBeTruthy();
    expect(session.member).toEqual({ username: 'grace-hopper', email: 'grace@example.org', confirmed: true });
  });

  it('signs in with a generic OpenID Connect provider by its issuer (oidc-provider), the address from its userinfo endpoint', async () => {
    oidc.signInAs({ sub: 'kc-7f3a', email: 'linus@example.com', email_verified: false, name: 'Linus T' });
    const session = await sessionFor('oidc');
    expect(session.member).toEqual({ username: 'linus-t', email: 'linus@example.com', confirmed: false });
  });

  it('signs in with Launchpad (OpenID 2.0): the assertion confirmed by the provider, the account keyed by its claimed identifier', async () => {
    launchpad.signInAs({ id: 'mark', email: 'Mark@example.com', fullname: 'Mark S' });
    const { final, steps } = await signIn('launchpad', '?returnTo=/de/groups');
    const asked = new URL(steps.find((step) => step.url.startsWith(launchpad.endpoint))!.url);
    expect(asked.searchParams.get('openid.mode')).toBe('checkid_setup');
    expect(asked.searchParams.get('openid.realm')).toBe(cmsUrl);
    expect(asked.searchParams.get('openid.return_to')).toMatch(new RegExp(`^${callback('launchpad')}\\?state=[\\w-]{43}$`));
    const exchanged = await exchange(final.searchParams.get('code'));
    expect(exchanged.status, exchanged.text).toBe(200);
    expect(exchanged.body.member).toEqual({ username: 'mark-s', email: 'mark@example.com', confirmed: false });
    expect(exchanged.body.returnTo).toBe('/de/groups');
    expect((await sessionFor('launchpad')).member.username).toBe('mark-s');
  });

  it('refuses a Launchpad assertion changed after the provider signed it', async () => {
    launchpad.signInAs({ id: 'victim', email: 'victim@example.com', fullname: 'Victim' });
    launchpad.tamperNext();
    const { final } = await signIn('launchpad');
    expect(final.href).toBe(`${WEBSITE}/auth/done?error=provider`);
  });

  it('refuses an OpenID 2.0 assertion from another provider’s endpoint', async () => {
    const other = await startOpenId2Provider();
    try {
      other.signInAs({ id: 'mark', email: 'mark@example.com', fullname: 'Mark S' });
      const browser = new Browser(nextAddress());
      const { steps } = await browser.follow(`${cmsUrl}/api/community/auth/launchpad/start`, (url) => url.pathname.startsWith('/+openid'));
      // The other provider answers the same request (same return URL, same state).
      const asked = new URL(steps.at(-1)!.location!);
      const { final } = await browser.follow(`${other.endpoint}${asked.search}`, (url) => url.origin === WEBSITE);
      expect(final.href).toBe(`${WEBSITE}/auth/done?error=provider`);
    } finally {
      await other.close();
    }
  });

  it('makes a new account, not a way into the old one, for an address equal to an existing account’s from another provider', async () => {
    google.signInAs({ sub: 'g-owner', email: 'owner@example.net', email_verified: true, name: 'Owner' });
    const owner = await sessionFor('google');
    linkedin.signInAs({ sub: 'li-impostor', email: 'owner@example.net', email_verified: true, name: 'Owner' });
    const other = await sessionFor('linkedin');
    expect(other.member.username).not.toBe(owner.member.username);
    const identities = await send('GET', '/api/community/me/identities', undefined, bearer(owner.session));
    expect(identities.body.data.map((row: { provider: string }) => row.provider)).toEqual(['google']);
  });

  it('refuses a callback without a state', async () => {
    const browser = new Browser(nextAddress());
    const answer = await browser.request(`${callback('google')}?code=anything`);
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`${WEBSITE}/auth/done?error=state`);
  });

  it('refuses a callback whose state was changed on the way', async () => {
    google.signInAs({ sub: 'g-state', email: 'state@example.net', email_verified: true, name: 'State' });
    const browser = new Browser(nextAddress());
    const { steps } = await browser.follow(`${cmsUrl}/api/community/auth/google/start`, (url) => url.pathname.endsWith('/callback'));
    const back = new URL(steps.at(-1)!.location!);
    back.searchParams.set('state', 'A'.repeat(43));
    browser.setCookie('127.0.0.1', 'chapterhouse_sign_in', 'A'.repeat(43), '/api/community/auth');
    const answer = await browser.request(back.href);
    expect(answer.location).toBe(`${WEBSITE}/auth/done?error=state`);
  });

  it('refuses a provider’s answer carried to another browser (the state is not this browser’s)', async () => {
    google.signInAs({ sub: 'g-csrf', email: 'csrf@example.net', email_verified: true, name: 'Attacker' });
    const attacker = new Browser(nextAddress());
    const { steps } = await attacker.follow(`${cmsUrl}/api/community/auth/google/start`, (url) => url.pathname.endsWith('/callback'));
    const victim = new Browser(nextAddress());
    const answer = await victim.request(steps.at(-1)!.location!);
    expect(answer.location).toBe(`${WEBSITE}/auth/done?error=state`);
  });

  for (const forgery of ['unsigned', 'foreign-key', 'expired', 'wrong-audience', 'wrong-nonce', 'wrong-issuer'] as const) {
    it(`refuses an ID token that is ${forgery === 'foreign-key' ? 'signed with a key not the provider’s' : forgery}`, async () => {
      google.signInAs({ sub: `g-forged-${forgery}`, email: 'forged@example.net', email_verified: true, name: 'Forged' });
      google.forgeNext(forgery);
      const { final } = await signIn('google');
      expect(final.href).toBe(`${WEBSITE}/auth/done?error=provider`);
    });
  }

  it('refuses a one-time code the second time', async () => {
    google.signInAs({ sub: 'g-replay', email: 'replay@example.net', email_verified: true, name: 'Replay' });
    const { final } = await signIn('google');
    const code = final.searchParams.get('code');
    expect((await exchange(code)).status).toBe(200);
    const replayed = await exchange(code);
    expect(replayed.status).toBe(400);
    expect(replayed.body.error.message).toMatch(/unknown, used or expired/);
  });

  it('refuses a one-time code older than its 60 seconds', async () => {
    google.signInAs({ sub: 'g-late', email: 'late@example.net', email_verified: true, name: 'Late' });
    const { final } = await signIn('google');
    // The code as it stands a minute later: this Strapi runs in the test's own process.
    const codes = (globalThis as unknown as { strapi: { db: { query(uid: string): any } } }).strapi.db.query('plugin::community.sign-in-code');
    await codes.updateMany({ where: { purpose: 'session' }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await exchange(final.searchParams.get('code'));
    expect(late.status).toBe(400);
  });

  it('signs nobody in to a blocked account', async () => {
    google.signInAs({ sub: 'g-blocked', email: 'blocked@example.net', email_verified: true, name: 'Blocked Person' });
    const before = await sessionFor('google');
    const users = (globalThis as unknown as { strapi: { db: { query(uid: string): any } } }).strapi.db.query('plugin::users-permissions.user');
    await users.updateMany({ where: { username: before.member.username }, data: { blocked: true } });
    const { final } = await signIn('google');
    expect(final.href).toBe(`${WEBSITE}/auth/done?error=blocked`);
    expect((await send('GET', '/api/community/me', undefined, bearer(before.session))).status).toBe(401);
  });

  it('refuses codes that were never issued and malformed exchange bodies with a 400', async () => {
    for (const body of [{ code: 'x'.repeat(43) }, { code: { $ne: null } }, { code: ['a'] }, {}, []]) {
      const answer = await send('POST', '/api/community/auth/exchange', body, {}, nextAddress());
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('refuses an open redirect through returnTo with a 400, before any provider is asked', async () => {
    const before = google.authorizations.length;
    // As they arrive in the query string.
    for (const returnTo of ['//evil.example/x', '%2F%2Fevil.example', 'https://evil.example/', '/%5Cevil.example', '%5C%5Cevil.example', 'evil.example', '/%0d%0aSet-Cookie:x', 'javascript:alert(1)', '/a&returnTo=//evil.example']) {
      const answer = await send('GET', `/api/community/auth/google/start?returnTo=${returnTo}`, undefined, {}, nextAddress());
      expect(answer.status, returnTo).toBe(400);
      expect(answer.headers.location, returnTo).toBeUndefined();
    }
    expect(google.authorizations.length).toBe(before);
  });

  it('answers 404 for a provider that is not on', async () => {
    for (const provider of ['email', 'facebook', 'local']) {
      expect((await send('GET', `/api/community/auth/${provider}/start`, undefined, {}, nextAddress())).status, provider).toBe(404);
    }
  });

  it('links another sign-in to the signed-in account, and unlinks any but the last', async () => {
    const margaret: Person = { sub: 'g-margaret', email: 'margaret@example.net', email_verified: true, name: 'Margaret Hamilton' };
    google.signInAs(margaret);
    const first = await sessionFor('google');
    const ticket = await send('POST', '/api/community/me/identities/link', { provider: 'oidc' }, bearer(first.session));
    expect(ticket.status, ticket.text).toBe(200);
    oidc.signInAs({ sub: 'kc-margaret', email: 'mh@example.org', email_verified: true, name: 'M. Hamilton' });
    const linked = await sessionFor('oidc', `?link=${ticket.body.ticket}&returnTo=/en/account`);
    expect(linked.member.username).toBe(first.member.username);
    expect(linked.returnTo).toBe('/en/account');

    // The ticket works once.
    const reused = await send('GET', `/api/community/auth/oidc/start?link=${ticket.body.ticket}`, undefined, {}, nextAddress());
    expect(reused.status).toBe(400);

    // Either way now signs in to the same account.
    expect((await sessionFor('oidc')).member.username).toBe(first.member.username);
    const listed = await send('GET', '/api/community/me/identities', undefined, bearer(first.session));
    expect(listed.status).toBe(200);
    expect(listed.headers['cache-control']).toBe('private, no-store');
    expect(listed.body.data.map((row: { provider: string; name: string }) => [row.provider, row.name])).toEqual([
      ['google', 'Google'],
      ['oidc', 'Community ID'],
    ]);

    expect((await send('DELETE', '/api/community/me/identities/google', undefined, bearer(first.session))).status).toBe(204);
    const last = await send('DELETE', '/api/community/me/identities/oidc', undefined, bearer(first.session));
    expect(last.status).toBe(409);
    expect((await send('DELETE', '/api/community/me/identities/linkedin', undefined, bearer(first.session))).status).toBe(404);
    // Google now makes an account of its own.
    expect((await sessionFor('google')).member.username).not.toBe(first.member.username);
  });

  it('refuses to link a sign-in that belongs to another account', async () => {
    linkedin.signInAs({ sub: 'li-taken', email: 'taken@example.net', email_verified: true, name: 'Taken' });
    await sessionFor('linkedin');
    google.signInAs({ sub: 'g-other', email: 'other@example.net', email_verified: true, name: 'Other' });
    const other = await sessionFor('google');
    const ticket = await send('POST', '/api/community/me/identities/link', { provider: 'linkedin' }, bearer(other.session));
    const { final } = await signIn('linkedin', `?link=${ticket.body.ticket}`);
    expect(final.href).toBe(`${WEBSITE}/auth/done?error=in-use`);
  });
});
