import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { cmsSession, createMember, SESSION_COOKIE, sessionIsAlive, type TestMember } from '../web/member-accounts';
import { accessibilityViolations, closeBrowser, openBrowser, screenshot, scrollsSideways, webUrl } from './browser';

/** Text as read, without the invisible marks that isolate names inside right-to-left sentences. */
const visible = (text: string | null) => (text ?? '').replace(/[\u200e\u200f\u2066-\u2069]/g, '');

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
}

/** Signs in through the sign-in page's e-mail form, as a person does. */
async function signIn(page: Page, locale: string, member: TestMember, returnTo: string) {
  // Once the page is hydrated, so the form is sent the way it will be (by script, when there is one).
  await page.goto(webUrl(`/${locale}/sign-in?returnTo=${encodeURIComponent(returnTo)}`), { waitUntil: 'networkidle' });
  await page.locator('#identifier').fill(member.email);
  await page.locator('#password').fill(member.password);
  await page.locator('form.application button[type="submit"]').click();
}

describe('signing in and out in a real browser', () => {
  let member: TestMember;
  let other: TestMember;
  let desktop: BrowserContext;
  let phone: BrowserContext;

  beforeAll(async () => {
    member = await createMember('browser-camille');
    other = await createMember('browser-dana');
    desktop = await openBrowser({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    phone = await openBrowser({ width: 390, height: 844, locale: 'ar-EG', timezoneId: 'Africa/Cairo' });
  });

  afterAll(async () => {
    await closeBrowser(desktop);
    await closeBrowser(phone);
    await member?.remove();
    await other?.remove();
  });

  for (const locale of ['fr', 'ar']) {
    it(`offers e-mail sign-in and no provider when none is configured (${locale}), accessible and fitting a phone`, async () => {
      for (const context of [desktop, phone]) {
        const page = await context.newPage();
        const response = await page.goto(webUrl(`/${locale}/sign-in`));
        expect(response?.status()).toBe(200);
        expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        expect(await page.locator('.provider-list').count()).toBe(0);
        expect(await page.locator('#identifier').count()).toBe(1);
        expect(await page.locator('#password').getAttribute('type')).toBe('password');
        expect(await page.locator(`a[href^="/${locale}/register"]`).count()).toBe(1);
        expect(await accessibilityViolations(page)).toEqual([]);
        expect(await scrollsSideways(page)).toBe(false);
        await screenshot(page, `sign-in-${locale}-${context === phone ? 'phone' : 'desktop'}`);
        await page.close();
      }
    });
  }

  it('tells a wrong password in French and keeps what was typed', async () => {
    const page = await desktop.newPage();
    await page.goto(webUrl('/fr/sign-in'), { waitUntil: 'networkidle' });
    await page.locator('#identifier').fill(member.email);
    await page.locator('#password').fill('not-the-passw0rd');
    await page.locator('form.application button[type="submit"]').click();
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toContain('L’adresse e-mail, le nom d’utilisateur ou le mot de passe est incorrect.');
    expect(await page.locator('#identifier').inputValue()).toBe(member.email);
    expect(await sessionCookie(desktop)).toBeUndefined();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('signs in with e-mail and password, shows the person in the header, and signs out (fr)', async () => {
    const page = await desktop.newPage();
    await signIn(page, 'fr', member, '/fr/groups?q=paris');
    await page.waitForURL('**/fr/groups?q=paris');
    await expect.poll(() => page.locator('.member-name').textContent()).toBe('Connecté·e en tant que browser-camille');
    const cookie = await sessionCookie(desktop);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    // Scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'signed-in-fr-desktop');

    // On every page the header says who is signed in.
    for (const path of ['/fr', '/fr/events', '/fr/groups/paris-user-group']) {
      await page.goto(webUrl(path));
      expect(await page.locator('.member-name').textContent(), path).toBe('Connecté·e en tant que browser-camille');
    }

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.pathname === '/fr');
    expect(await page.locator('.member-name').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
    expect(await sessionCookie(desktop)).toBeUndefined();
    expect(await sessionIsAlive(cookie!.value)).toBe(false);
    await page.close();
  });

  it('shows the signed-in header right to left in Arabic, on a phone', async () => {
    const url = new URL(webUrl('/'));
    await phone.addCookies([{ name: SESSION_COOKIE, value: await cmsSession(other, '127.0.60.21'), domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
    try {
      const page = await phone.newPage();
      await page.goto(webUrl('/ar/groups'));
      expect(visible(await page.locator('.member-name').textContent())).toBe('تم تسجيل الدخول باسم browser-dana');
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await scrollsSideways(page)).toBe(false);
      expect(await accessibilityViolations(page)).toEqual([]);
      // Right to left: the name starts at the right edge, the sign-out button comes after it, further left.
      const [name, button] = await Promise.all([page.locator('.member-name').boundingBox(), page.getByRole('button', { name: 'تسجيل الخروج' }).boundingBox()]);
      expect(button!.x + button!.width).toBeLessThanOrEqual(name!.x + name!.width);
      await screenshot(page, 'signed-in-ar-phone');
      await page.close();
    } finally {
      await phone.clearCookies();
    }
  });

  it('signs in and out without JavaScript', async () => {
    const noScript = await openBrowser({ width: 390, height: 844, locale: 'ar-EG', javaScript: false });
    try {
      const page = await noScript.newPage();
      await signIn(page, 'ar', other, '/ar/groups');
      await page.waitForURL('**/ar/groups');
      expect(visible(await page.locator('.member-name').textContent())).toBe('تم تسجيل الدخول باسم browser-dana');
      const token = (await sessionCookie(noScript))!.value;
      await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
      await page.waitForURL((url) => url.pathname === '/ar');
      expect(await page.locator('.member-name').count()).toBe(0);
      expect(await sessionIsAlive(token)).toBe(false);
      await page.close();
    } finally {
      await closeBrowser(noScript);
    }
  });

  it('keeps each member’s page to that member, and anonymous visitors see none of them', async () => {
    const anonymous = await openBrowser({ locale: 'fr-FR' });
    const second = await openBrowser({ locale: 'fr-FR' });
    try {
      const url = new URL(webUrl('/'));
      const give = async (context: BrowserContext, who: TestMember) =>
        context.addCookies([{ name: SESSION_COOKIE, value: await cmsSession(who, '127.0.60.20'), domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
      await give(desktop, member);
      await give(second, other);
      const path = '/fr/groups/paris-user-group';
      const pages = await Promise.all([anonymous, desktop, second, anonymous].map((context) => context.newPage()));
      const names: (string | null)[] = [];
      for (const page of pages) {
        await page.goto(webUrl(path));
        names.push((await page.locator('.member-name').count()) ? await page.locator('.member-name').textContent() : null);
      }
      expect(names).toEqual([null, 'Connecté·e en tant que browser-camille', 'Connecté·e en tant que browser-dana', null]);
      expect(await pages[3]!.getByRole('link', { name: 'Connectez-vous pour rejoindre le groupe' }).getAttribute('href')).toBe(
        `/fr/sign-in?returnTo=${encodeURIComponent(path)}`,
      );
    } finally {
      await closeBrowser(anonymous);
      await closeBrowser(second);
      await desktop.clearCookies();
    }
  });
});
