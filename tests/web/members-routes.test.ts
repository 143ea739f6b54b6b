import { afterAll, describe, expect, inject, it } from 'vitest';
import { admin, editor, requestFrom } from '../api/client';
import { startMailServer } from '../fixtures/mail-server';
import { cmsSession, createMember, sessionIsAlive, SESSION_COOKIE } from './member-accounts';

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
    // The CMS makes the account after it has answered (its answer is the same whether the address is taken or not).
    const made = async () => (await editor.list(USER, 'filters[username][$eq]=web-hana')).body.results?.[0];
    await expect.poll(made, { timeout: 10_000 }).toMatchObject({ email: 'web-hana@example.net', confirmed: false });
    expect((await editor.list(USER, 'filters[username][$eq]=web-hana')).body.results).toHaveLength(1);
  });

  it('sets a new password from the link of a reset e-mail, in the visitor’s language, and ends every session of the account', async () => {
    const mail = await startMailServer(inject('mailPort'));
    const member = await createMember('web-reset-ines');
    try {
      expect((await editor.update(USER, member.documentId, { preferredLocale: 'pt-BR' })).status).toBe(200);
      const session = await cmsSession(member, '127.0.60.41');
      const form = (path: string, fields: Record<string, string>) =>
        requestFrom(
          '127.0.60.42',
          'POST',
          web(path),
          { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: inject('webUrl') },
          new URLSearchParams(fields).toString(),
        );
      const asked = await form('/pt-BR/forgot-password', { email: member.email });
      expect(asked.status).toBe(200);
      expect(asked.text).toContain(`Se alguma conta tiver o endereço ${member.email}`);

      const message = await mail.next(member.email);
      // In the account's language.
      expect(message.subject).toBe('Defina uma nova senha');
      expect(message.text).toContain('Olá, web-reset-ines!');
      const link = /https?:\/\/\S+\/auth\/reset-password\?code=[0-9a-f]{128}/.exec(message.text)?.[0];
      expect(link, message.text).toBeTruthy();
      const arrival = await fetch(web(new URL(link!).pathname + new URL(link!).search), { redirect: 'manual', headers: { 'accept-language': 'pt-BR' } });
      expect(arrival.status).toBe(303);
      const page = arrival.headers.get('location')!;
      expect(page).toMatch(/^\/pt-BR\/reset-password\?code=[0-9a-f]{128}$/);
      const shown = await (await fetch(web(page))).text();
      expect(shown).toContain('Definir uma nova senha');
      const code = new URL(page, 'http://x').searchParams.get('code')!;

      const differ = await form(page, { code, password: 'Ines-new-passw0rd', passwordConfirmation: 'Ines-other-passw0rd' });
      expect(differ.status).toBe(400);
      expect(differ.text).toContain('As duas senhas não são iguais.');
      expect(await sessionIsAlive(session)).toBe(true);

      const set = await form(page, { code, password: 'Ines-new-passw0rd', passwordConfirmation: 'Ines-new-passw0rd' });
      expect(set.status).toBe(303);
      expect(set.headers.location).toBe('/pt-BR/sign-in?reset=1');
      await expect.poll(() => sessionIsAlive(session)).toBe(false);
      const signedIn = await requestFrom('127.0.60.43', 'POST', `${inject('cmsUrl')}/api/community/auth/local`, { 'content-type': 'application/json' }, JSON.stringify({ identifier: member.email, password: 'Ines-new-passw0rd' }));
      expect(signedIn.status).toBe(200);

      const again = await form(page, { code, password: 'Ines-third-passw0rd', passwordConfirmation: 'Ines-third-passw0rd' });
      expect(again.status).toBe(400);
      expect(again.text).toContain('Este link não é válido ou expirou.');
    } finally {
      await member.remove();
      await mail.close();
    }
  });
});
