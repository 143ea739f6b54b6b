import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GOOGLE_SHAPE, LINKEDIN_SHAPE, startOAuthServer, type OAuthServer } from '../fixtures/identity-oauth-server';
import { startOidcProvider, type OidcProvider } from '../fixtures/identity-oidc-provider';
import { startOpenId2Provider, type OpenId2Provider } from '../fixtures/identity-openid2-provider';
import { providerSettings } from '../fixtures/identity-settings';
import { expectedEvents, parsedEvents } from '../api/member-calendar';
import { createTestDatabase, type TestDatabase } from '../setup/database';
import { freePort } from '../setup/ports';
import { testSecrets } from '../setup/secrets';
import { startCms, type RunningCms } from '../setup/strapi';
import { startWeb, type RunningWeb } from '../setup/web';
import { SESSION_COOKIE } from '../web/member-accounts';
import { closeBrowser, openBrowser, screenshot } from './browser';


/** What a person reads on the way, in the page's language. */
interface Words {
  continueWith: (provider: string) => string;
  signedInAs: (name: string) => string;
  join: string;
  joined: string;
  account: string;
  calendar: string;
  signOut: string;
  signIn: string;
}

const WORDS: Record<string, Words> = {
  en: {
    continueWith: (provider) => `Continue with ${provider}`,
    signedInAs: (name) => `Signed in as ${name}`,
    join: 'Join this group',
    joined: 'Welcome! You are now a member of this group.',
    account: 'Account',
    calendar: 'My calendar',
    signOut: 'Sign out',
    signIn: 'Sign in',
  },
  fr: {
    continueWith: (provider) => `Continuer avec ${provider}`,
    signedInAs: (name) => `Connecté·e en tant que ${name}`,
    join: 'Rejoindre ce groupe',
    joined: 'Bienvenue ! Vous êtes maintenant membre de ce groupe.',
    account: 'Compte',
    calendar: 'Mon agenda',
    signOut: 'Se déconnecter',
    signIn: 'Se connecter',
  },
  de: {
    continueWith: (provider) => `Weiter mit ${provider}`,
    signedInAs: (name) => `Angemeldet als ${name}`,
    join: 'Dieser Gruppe beitreten',
    joined: 'Willkommen! Sie sind jetzt Mitglied dieser Gruppe.',
    account: 'Konto',
    calendar: 'Mein Kalender',
    signOut: 'Abmelden',
    signIn: 'Anmelden',
  },
  es: {
    continueWith: (provider) => `Continuar con ${provider}`,
    signedInAs: (name) => `Sesión iniciada como ${name}`,
    join: 'Unirme a este grupo',
    joined: '¡Bienvenido! Ahora eres miembro de este grupo.',
    account: 'Cuenta',
    calendar: 'Mi calendario',
    signOut: 'Cerrar sesión',
    signIn: 'Iniciar sesión',
  },
};

/**
 * A person's whole way with each outside provider, in real Chromium, on a CMS and website
 * of this file's own (the CMS with the demo content, its provider settings pointing at
 * local identity providers that speak the real protocols): the sign-in page's button, the
 * provider, back signed in, join an open group, "my calendar" from the account page, sign out.
 */
describe('signing in with each provider in a real browser, joining a group, my calendar, signing out', () => {
  let database: TestDatabase;
  let cms: RunningCms;
  let web: RunningWeb;
  let google: OAuthServer;
  let linkedin: OAuthServer;
  let oidc: OidcProvider;
  let launchpad: OpenId2Provider;
  let cmsUrl = '';
  const contexts: BrowserContext[] = [];
  const callback = (provider: string) => `${cmsUrl}/api/community/auth/${provider}/callback`;

  /** A fresh browser that may reach this file's CMS, website and providers (and, as openBrowser allows, the shared ones). */
  async function browser(locale: string): Promise<BrowserContext> {
    const context = await openBrowser({ locale });
    contexts.push(context);
    const allowed = [cmsUrl, web.url, google.issuer, new URL(linkedin.issuer).origin, oidc.issuer, new URL(launchpad.identifier).origin].map((url) => new URL(url).host);
    // Registered after openBrowser's own handler, so it is asked first; anything else goes on to that handler.
    await context.route('**/*', (route) => (allowed.includes(new URL(route.request().url()).host) ? route.continue() : route.fallback()));
    return context;
  }

  const sessionCookie = async (context: BrowserContext) => (await context.cookies(web.url)).find((cookie) => cookie.name === SESSION_COOKIE);

  /** Whether the CMS still knows the session. */
  async function sessionIsAlive(token: string) {
    return (await fetch(`${cmsUrl}/api/community/me`, { headers: { authorization: `Bearer ${token}` } })).status === 200;
  }

  interface Journey {
    provider: string;
    /** The provider's name on the sign-in page's button. */
    name: string;
    locale: string;
    /** The portal account the provider's person gets. */
    username: string;
    group: string;
    /** What happens between signing in and joining. */
    beforeJoining?: (page: Page) => Promise<void>;
  }

  async function journey({ provider, name, locale, username, group, beforeJoining }: Journey) {
    const words = WORDS[locale]!;
    const context = await browser(`${locale}-${locale.toUpperCase()}`);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);

    // The sign-in page offers the provider in the page's language; its button starts at the CMS.
    const signInPage = await page.goto(`${web.url}/${locale}/sign-in`, { waitUntil: 'networkidle' });
    expect(signInPage?.status()).toBe(200);
    const button = page.locator('.provider-list').getByRole('link', { name: words.continueWith(name), exact: true });
    expect(await button.getAttribute('href')).toBe(`${cmsUrl}/api/community/auth/${provider}/start?returnTo=${encodeURIComponent(`/${locale}/my-groups`)}`);
    const visited: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest()) visited.push(request.url());
    });
    await button.click();

    // Through the provider, back to the website, on to "my groups", signed in.
    await page.waitForURL(`${web.url}/${locale}/my-groups`);
    const providerOrigins = {
      google: google.issuer,
      linkedin: new URL(linkedin.issuer).origin,
      oidc: oidc.issuer,
      launchpad: new URL(launchpad.identifier).origin,
    } as Record<string, string>;
    expect(visited.some((url) => url.startsWith(`${providerOrigins[provider]}/`)), visited.join('\n')).toBe(true);
    expect(visited.some((url) => url.startsWith(`${callback(provider)}?`)), visited.join('\n')).toBe(true);
    expect(visited.some((url) => url.startsWith(`${web.url}/auth/done?code=`)), visited.join('\n')).toBe(true);
    // No token ever in a URL: only the one-time code.
    expect(visited.filter((url) => /[?&](session|token|jwt|access_token|id_token)=/.test(url))).toEqual([]);
    expect(await page.locator('.member-name').textContent()).toBe(words.signedInAs(username));
    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await sessionIsAlive(cookie!.value)).toBe(true);
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);

    // Join an open demo group from its page.
    await page.goto(`${web.url}/${locale}/groups/${group}`, { waitUntil: 'networkidle' });
    if (beforeJoining) await beforeJoining(page);
    await page.getByRole('button', { name: words.join, exact: true }).click();
    await expect.poll(() => page.locator('.membership [role="status"]').textContent()).toContain(words.joined);
    await screenshot(page, `sign-in-${provider}-joined-${locale}`);

    // "My calendar", from the account page: its address answers an iCalendar with the group's events.
    await page.getByRole('link', { name: words.account, exact: true }).click();
    await page.waitForURL(`${web.url}/${locale}/account`);
    expect(await page.locator('#calendar-heading').textContent()).toBe(words.calendar);
    const address = await page.locator('#calendar-url').inputValue();
    expect(address).toMatch(new RegExp(`^${cmsUrl.replaceAll('.', '\\.')}/api/community/members/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await page.locator('#calendar a[href^="webcal:"]').getAttribute('href')).toBe(address.replace(/^https?:/, 'webcal:'));
    const feed = await fetch(address);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar\b/);
    const expected = await expectedEvents(cmsUrl, [group]);
    expect(expected.size, `${group} has events in the demo content`).toBeGreaterThan(0);
    expect(parsedEvents(await feed.text())).toEqual(expected);

    // Sign out: the cookie goes, the session ends on the CMS, member pages send the visitor to sign in.
    await page.getByRole('button', { name: words.signOut, exact: true }).click();
    await page.waitForURL(`${web.url}/${locale}`);
    expect(await page.locator('.member-name').count()).toBe(0);
    expect(await page.getByRole('link', { name: words.signIn, exact: true }).count()).toBe(1);
    expect(await sessionCookie(context)).toBeUndefined();
    expect(await sessionIsAlive(cookie!.value)).toBe(false);
    for (const path of [`/${locale}/my-groups`, `/${locale}/account`]) {
      await page.goto(`${web.url}${path}`);
      expect(page.url(), path).toBe(`${web.url}/${locale}/sign-in?returnTo=${encodeURIComponent(path)}`);
    }
    // The calendar address stays the member's: signing out does not revoke it.
    expect((await fetch(address)).status).toBe(200);
    await page.close();
  }

  beforeAll(async () => {
    const [cmsPort, webPort] = [await freePort(), await freePort()];
    cmsUrl = `http://127.0.0.1:${cmsPort}`;
    const webUrl = `http://127.0.0.1:${webPort}`;
    google = await startOAuthServer(GOOGLE_SHAPE, () => [callback('google')]);
    linkedin = await startOAuthServer(LINKEDIN_SHAPE, () => [callback('linkedin')]);
    oidc = await startOidcProvider([callback('oidc')]);
    launchpad = await startOpenId2Provider();
    database = await createTestDatabase(inject('database'));
    const secrets = testSecrets();
    delete process.env.SEED_DEMO;
    Object.assign(process.env, database.env, secrets, {
      HOST: '127.0.0.1',
      PORT: String(cmsPort),
      PUBLIC_WEB_URL: webUrl,
      ...providerSettings({ google, linkedin, oidc, launchpad }),
    });
    cms = await startCms(cmsPort);
    web = await startWeb(cms.url, { VISITOR_ADDRESS_SECRET: secrets.VISITOR_ADDRESS_SECRET! }, webPort);
  });

  afterAll(async () => {
    for (const context of contexts) await closeBrowser(context);
    await web?.stop();
    await cms?.stop();
    await database?.drop();
    await Promise.all([google?.close(), linkedin?.close(), oidc?.close(), launchpad?.close()]);
  });

  it('Google (fr): signs in, joins the Paris group, finds its events in my calendar, signs out', async () => {
    google.signInAs({ sub: '108234567890', email: 'ada.lovelace@example.net', email_verified: true, name: 'Ada Lovelace' });
    await journey({ provider: 'google', name: 'Google', locale: 'fr', username: 'ada-lovelace', group: 'paris-user-group' });
  });

  it('LinkedIn (de): signs in, joins the Zurich group, finds its events in my calendar, signs out', async () => {
    linkedin.signInAs({ sub: 'yrZCpj2Z12', email: 'grace@example.org', email_verified: true, name: 'Grace Hopper' });
    await journey({ provider: 'linkedin', name: 'LinkedIn', locale: 'de', username: 'grace-hopper', group: 'zurich-user-group' });
  });

  it('OpenID Connect by issuer (es): signs in, joins the London group, finds its events in my calendar, signs out', async () => {
    oidc.signInAs({ sub: 'kc-7f3a', email: 'linus@example.com', email_verified: true, name: 'Linus T' });
    await journey({ provider: 'oidc', name: 'Community ID', locale: 'es', username: 'linus-t', group: 'london-user-group' });
  });

  it('Launchpad (en): signs in, joins the Vienna group at once although Launchpad vouches for no address, finds its events, signs out', async () => {
    launchpad.signInAs({ id: 'mark', email: 'mark@example.com', fullname: 'Mark S' });
    await journey({
      provider: 'launchpad',
      name: 'Launchpad',
      locale: 'en',
      username: 'mark-s',
      group: 'vienna-user-group',
      // The provider vouched for the person: no e-mail confirmation stands between them and a group.
      async beforeJoining(page) {
        expect(await page.locator('.membership').textContent()).not.toContain('Confirm your e-mail address first');
      },
    });
  });
});
