import { afterAll, describe, expect, inject, it } from 'vitest';
import { admin, editor, requestFrom } from '../api/client';
import { SESSION_COOKIE } from './member-accounts';

const web = (path: string) => `${inject('webUrl')}${path}`;
const USER = 'plugin::users-permissions.user';

/** The website's pages that need the CMS's provider and registration routes. */
describe('the website and the CMS’s sign-in routes', () => {
  afterAll(async () => {
    for (const { documentId } of (await editor.list(USER, 'filters[username][$eq]=web-hana')).body.results ?? []) {
      await admin.send('DELETE', `/content-manager/collection-types/${USER}/${documentId}`);
    }
  });

  it('ends the link of a confirmation e-mail on the sign-in page, in the visitor’s language, saying the address is confirmed', async () => {
    const response = await fetch(web('/auth/confirmed'), { redirect: 'manual', headers: { 'accept-language': 'ja,en;q=0.5' } });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/ja/sign-in?confirmed=1');
    const notice = (html: string) => /<div class="notice success" role="status">\s*<p>([^<]*)<\/p>/.exec(html)?.[1];
    expect(notice(await (await fetch(web('/ja/sign-in?confirmed=1'))).text())).toBe('メールアドレスが確認されました。サインインしてグループに参加しましょう。');
    expect(notice(await (await fetch(web('/ja/sign-in'))).text())).toBeUndefined();
  });

  it('answers an unknown or used one-time code with the sign-in page, and no cookie', async () => {
    const response = await fetch(web('/auth/done?code=not-a-code-the-cms-gave'), { redirect: 'manual', headers: { cookie: 'locale=es' } });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/es/sign-in?problem=expired');
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
  });

  it('registers through the website with only the form’s fields: a role or "confirmed" slipped into the form changes nothing', async () => {
    const response = await requestFrom(
      '127.0.60.40',
      'POST',
      web('/fr/register'),
      { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: inject('webUrl') },
      new URLSearchParams({ username: 'web-hana', email: 'web-hana@example.net', password: 'Hana-passw0rd-2027', confirmed: 'true', role: '1', blocked: 'false' }).toString(),
    );
    expect(response.status).toBe(200);
    expect(response.text).toContain('web-hana@example.net');
    const [account] = (await editor.list(USER, 'filters[username][$eq]=web-hana')).body.results;
    expect(account).toMatchObject({ email: 'web-hana@example.net', confirmed: false });
  });
});
