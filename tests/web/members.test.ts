import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requestFrom } from '../api/client';
import { cmsSession, createMember, SESSION_COOKIE, sessionIsAlive, type TestMember } from './member-accounts';

const web = (path: string) => `${inject('webUrl')}${path}`;

/** A page as a browser with (or without) the session cookie asks for it, its language remembered already. */
async function get(path: string, session?: string) {
  const cookies = [`locale=${path.split('/')[1]}`, ...(session ? [`${SESSION_COOKIE}=${session}`] : [])];
  const response = await fetch(web(path), { redirect: 'manual', headers: { cookie: cookies.join('; ') } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** A form sent from the site's own page, from a loopback address of the website suites' range. */
function post(path: string, fields: Record<string, string>, session?: string, from = '127.0.60.1') {
  return requestFrom(
    from,
    'POST',
    web(path),
    {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
      origin: inject('webUrl'),
      ...(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {}),
    },
    new URLSearchParams(fields).toString(),
  );
}

const cookieOf = (setCookie: string | string[] | undefined) =>
  (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).find((c) => c.startsWith(`${SESSION_COOKIE}=`));

describe('members on the website', () => {
  let ada: TestMember;
  let bob: TestMember;
  let adaSession = '';
  let bobSession = '';

  beforeAll(async () => {
    ada = await createMember('web-ada');
    bob = await createMember('web-bob');
    adaSession = await cmsSession(ada, '127.0.60.2');
    bobSession = await cmsSession(bob, '127.0.60.2');
  });

  afterAll(async () => {
    await ada?.remove();
    await bob?.remove();
  });

  it('signs in with the e-mail form: an HttpOnly, SameSite=Lax cookie, then back to the page the visitor came from', async () => {
    const response = await post('/fr/sign-in', { identifier: ada.email, password: ada.password, returnTo: '/fr/groups?q=paris' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/fr/groups?q=paris');
    const cookie = cookieOf(response.headers['set-cookie']);
    expect(cookie).toBeDefined();
    const attributes = cookie!.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    // The site is served over http here: a Secure cookie would never come back.
    expect(attributes).not.toContain('secure');
    const token = cookie!.split(';')[0]!.slice(SESSION_COOKIE.length + 1);
    expect(token).toMatch(/^chs_/);
    expect(await sessionIsAlive(token)).toBe(true);
    // No token in any address.
    expect(response.headers.location).not.toContain('chs_');
  });

  it('never sends a signed-in visitor to another site, whatever "return to" says', async () => {
    const response = await post('/fr/sign-in', { identifier: ada.email, password: ada.password, returnTo: '//evil.example/fr' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/fr/my-groups');
    const sneaky = await get(`/fr/sign-in?returnTo=${encodeURIComponent('/\\evil.example')}`, adaSession);
    expect(sneaky.status).toBe(303);
    expect(sneaky.headers.get('location')).toBe('/fr/my-groups');
  });

  it('refuses a wrong password in the page’s language, with no cookie', async () => {
    const response = await post('/de/sign-in', { identifier: ada.email, password: 'not-the-passw0rd' });
    expect(response.status).toBe(400);
    expect(cookieOf(response.headers['set-cookie'])).toBeUndefined();
    expect(response.text).toContain('E-Mail-Adresse, Benutzername oder Passwort stimmen nicht.');
  });

  it('shows the signed-in person in the header of every page, and the pages are private', async () => {
    for (const path of ['/fr', '/fr/groups', '/fr/groups/paris-user-group', '/fr/events', '/fr/working-groups', '/fr/pages/brand-assets']) {
      const page = await get(path, adaSession);
      expect(page.status, path).toBe(200);
      expect(page.text, path).toContain('Connecté·e en tant que web-ada');
      expect(page.text, path).toContain('action="/sign-out"');
      expect(page.headers.get('cache-control'), path).toBe('private, no-store');
    }
  });

  it('never gives one member’s page to another member or to an anonymous visitor, nor an anonymous page to a member', async () => {
    for (const path of ['/es/groups/paris-user-group', '/es/groups?q=paris', '/es', '/es/working-groups']) {
      // An anonymous visit first, so the page cache keeps the anonymous page.
      const before = await get(path);
      expect(before.text, path).not.toContain('web-ada');
      expect(before.headers.get('cache-control'), `${path} ${before.status} ${before.headers.get('set-cookie')}`).toMatch(/^public/);
      const first = await get(path, adaSession);
      const second = await get(path, bobSession);
      const after = await get(path);
      expect(first.text, path).toContain('Sesión iniciada como web-ada');
      expect(second.text, path).toContain('Sesión iniciada como web-bob');
      expect(second.text, path).not.toContain('web-ada');
      expect(after.text, path).not.toContain('web-ada');
      expect(after.text, path).not.toContain('web-bob');
      expect(after.text, path).toContain('Iniciar sesión');
    }
  });

  it('sends anonymous visitors of a member’s page to sign in, and back', async () => {
    for (const path of ['/pt-BR/account', '/pt-BR/my-groups', '/pt-BR/account/delete', '/pt-BR/account/export']) {
      const page = await get(path);
      expect(page.status, path).toBe(303);
      expect(page.headers.get('location'), path).toBe(`/pt-BR/sign-in?returnTo=${encodeURIComponent(path.replace('/export', ''))}`);
    }
  });

  it('forgets a session that has ended, and shows the visitor signed out', async () => {
    const ended = await cmsSession(bob, '127.0.60.3');
    await fetch(`${inject('cmsUrl')}/api/community/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${ended}` } });
    for (const token of [ended, 'not-a-session', `chs_${'A'.repeat(43)}`]) {
      const page = await get('/ja/groups', token);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('web-bob');
      const cleared = cookieOf(page.headers.getSetCookie());
      expect(cleared, token).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
      expect(page.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('signs out: the session ends on the CMS and the cookie goes', async () => {
    const token = await cmsSession(bob, '127.0.60.3');
    const response = await post('/sign-out', { locale: 'ar' }, token);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/ar');
    expect(cookieOf(response.headers['set-cookie'])).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(await sessionIsAlive(token)).toBe(false);
  });

  it('refuses a sign-out sent from another site', async () => {
    const token = await cmsSession(bob, '127.0.60.3');
    const response = await requestFrom(
      '127.0.60.1',
      'POST',
      web('/sign-out'),
      { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', cookie: `${SESSION_COOKIE}=${token}` },
      'locale=en',
    );
    expect(response.status).toBe(403);
    expect(await sessionIsAlive(token)).toBe(true);
  });

  it('sends a failed provider sign-in back to the sign-in page with a reason', async () => {
    const failed = await fetch(web('/auth/done?error=access_denied'), { redirect: 'manual', headers: { cookie: 'locale=fr' } });
    expect(failed.status).toBe(303);
    expect(failed.headers.get('location')).toBe('/fr/sign-in?problem=provider');
    const page = await get('/fr/sign-in?problem=provider');
    expect(page.text).toContain('La connexion avec ce compte n’a pas abouti.');
  });
});
