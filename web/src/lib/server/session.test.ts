import { describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { forgetSession, isSessionToken, keepSession, localPath } from './session';

/** The cookie jar's calls, as SvelteKit would turn them into Set-Cookie headers. */
function jar() {
  const calls: { op: string; name: string; value?: string; options: Record<string, unknown> }[] = [];
  const cookies = {
    set: (name: string, value: string, options: Record<string, unknown>) => calls.push({ op: 'set', name, value, options }),
    delete: (name: string, options: Record<string, unknown>) => calls.push({ op: 'delete', name, options }),
  } as unknown as Cookies;
  return { cookies, calls };
}

describe('localPath', () => {
  it('keeps paths of this site, with their query', () => {
    expect(localPath('/fr/groups/paris-user-group')).toBe('/fr/groups/paris-user-group');
    expect(localPath('/de/events?view=month&group=x')).toBe('/de/events?view=month&group=x');
    expect(localPath('/')).toBe('/');
  });

  it('refuses anything that could lead to another site', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example/path',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
      'evil.example',
      '',
      ' /fr',
      undefined,
      null,
      42,
      ['/fr'],
      `/${'a'.repeat(2001)}`,
    ]) {
      expect(localPath(value), JSON.stringify(value)).toBeUndefined();
    }
  });

  it('gives dot segments back resolved, so the path stays on this site', () => {
    expect(localPath('/fr/../../etc')).toBe('/etc');
    expect(localPath('/./fr')).toBe('/fr');
  });
});

describe('isSessionToken', () => {
  it('takes the CMS tokens and nothing else', () => {
    expect(isSessionToken(`chs_${'A1_-'.repeat(11)}`)).toBe(true);
    for (const value of [undefined, '', 'chs_', 'chs_short', `Bearer chs_${'A'.repeat(43)}`, `chs_${'A'.repeat(40)};x`, `xyz_${'A'.repeat(43)}`]) {
      expect(isSessionToken(value), String(value)).toBe(false);
    }
  });
});

describe('the session cookie', () => {
  const session = { session: `chs_${'a'.repeat(43)}`, expiresAt: '2027-02-01T00:00:00.000Z' };

  it('is HttpOnly and SameSite=Lax for the whole site, until the session expires; Secure only on an https site', () => {
    for (const [site, secure] of [['https://chapterhouse.example.org/fr/sign-in', true], ['http://127.0.0.1:3000/fr/sign-in', false]] as const) {
      const { cookies, calls } = jar();
      keepSession(cookies, new URL(site), session);
      expect(calls).toEqual([
        {
          op: 'set',
          name: 'chapterhouse_session',
          value: session.session,
          options: { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: new Date('2027-02-01T00:00:00.000Z') },
        },
      ]);
    }
  });

  it('is removed with the same attributes it was set with', () => {
    const { cookies, calls } = jar();
    forgetSession(cookies, new URL('https://chapterhouse.example.org/'));
    expect(calls).toEqual([{ op: 'delete', name: 'chapterhouse_session', options: { path: '/', httpOnly: true, sameSite: 'lax', secure: true } }]);
  });
});
