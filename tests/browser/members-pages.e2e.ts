import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { admin, editor } from '../api/client';
import { cmsSession, createMember, SESSION_COOKIE, sessionIsAlive, type TestMember } from '../web/member-accounts';
import { accessibilityViolations, closeBrowser, openBrowser, screenshot, scrollsSideways, webUrl } from './browser';

/** Text as read, without the invisible marks that isolate names inside right-to-left sentences. */
const visible = (text: string | null) => (text ?? '').replace(/[\u200e\u200f\u2066-\u2069]/g, '');

const GROUP = 'api::group.group';

/** Gives the browser a session of `who`, signed in at the CMS from the website suites' range (the form's own test is members.e2e.ts). */
async function signInAs(context: BrowserContext, who: TestMember, from: string) {
  const host = new URL(webUrl('/')).hostname;
  await context.addCookies([{ name: SESSION_COOKIE, value: await cmsSession(who, from), domain: host, path: '/', httpOnly: true, sameSite: 'Lax' }]);
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const response = await page.goto(webUrl(path), { waitUntil: 'networkidle' });
  expect(response?.status(), path).toBe(200);
  return page;
}

async function expectCleanOnAPhone(page: Page, name: string) {
  expect(await accessibilityViolations(page), name).toEqual([]);
  expect(await scrollsSideways(page), name).toBe(false);
  await screenshot(page, name);
}

async function groupDocumentId(slug: string): Promise<string> {
  const found = await editor.list(GROUP, `filters[slug][$eq]=${slug}&locale=en`);
  return found.body.results[0].documentId as string;
}

async function setJoinPolicy(slug: string, joinPolicy: 'open' | 'approval') {
  const documentId = await groupDocumentId(slug);
  const updated = await editor.update(GROUP, documentId, { joinPolicy });
  expect(updated.status, updated.text).toBe(200);
  expect((await editor.publish(GROUP, documentId)).status).toBe(200);
}

describe('a member’s pages in a real browser', () => {
  let member: TestMember;
  let coordinator: TestMember;
  let phone: BrowserContext;
  let arabic: BrowserContext;
  let coordinatorMembership = '';

  beforeAll(async () => {
    member = await createMember('pages-emile');
    coordinator = await createMember('pages-farah');
    phone = await openBrowser({ width: 390, height: 844, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    arabic = await openBrowser({ width: 390, height: 844, locale: 'ar-EG', timezoneId: 'Africa/Cairo' });
    await signInAs(phone, member, '127.0.60.30');
    await signInAs(arabic, member, '127.0.60.30');
  });

  afterAll(async () => {
    await closeBrowser(phone);
    await closeBrowser(arabic);
    if (coordinatorMembership) await admin.send('DELETE', `/content-manager/collection-types/api::membership.membership/${coordinatorMembership}`);
    await setJoinPolicy('vienna-user-group', 'open').catch(() => undefined);
    await member?.remove();
    await coordinator?.remove();
  });

  it('joins an open group from its page, finds it with its next events in "my groups", chooses no e-mail, and leaves', async () => {
    const page = await open(phone, '/fr/groups/paris-user-group');
    await page.getByRole('button', { name: 'Rejoindre ce groupe' }).click();
    await expect.poll(() => page.locator('.membership [role="status"]').textContent()).toContain('Bienvenue !');
    expect(await page.getByRole('button', { name: 'Quitter ce groupe' }).count()).toBe(1);
    await expectCleanOnAPhone(page, 'group-member-fr-phone');

    await page.getByRole('link', { name: 'Mes groupes' }).click();
    await page.waitForURL('**/fr/my-groups');
    const card = page.locator('.my-groups .card').filter({ hasText: 'Paris User Group' });
    expect(await card.count()).toBe(1);
    expect(await card.locator('.event-lines li').count()).toBeGreaterThan(0);
    await expectCleanOnAPhone(page, 'my-groups-fr-phone');

    await card.getByRole('button', { name: 'Ne plus recevoir les e-mails du groupe' }).click();
    await expect.poll(() => page.locator('[role="status"]').textContent()).toContain('Vous ne recevrez plus les e-mails de ce groupe.');
    expect(await card.getByRole('button', { name: 'M’envoyer les e-mails du groupe' }).count()).toBe(1);

    const arabicPage = await open(arabic, '/ar/my-groups');
    expect(await arabicPage.getAttribute('html', 'dir')).toBe('rtl');
    expect(await arabicPage.locator('.my-groups .card').filter({ hasText: 'Paris User Group' }).count()).toBe(1);
    await expectCleanOnAPhone(arabicPage, 'my-groups-ar-phone');
    await arabicPage.close();

    await card.getByRole('button', { name: 'Quitter ce groupe' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Vous n’avez encore rejoint aucun groupe.');
    await page.close();
  });

  it('joins and leaves without JavaScript', async () => {
    const noScript = await openBrowser({ locale: 'de-DE', javaScript: false });
    try {
      await signInAs(noScript, member, '127.0.60.31');
      const page = await noScript.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(webUrl('/de/groups/zurich-user-group'));
      await page.getByRole('button', { name: 'Dieser Gruppe beitreten' }).click();
      await page.waitForLoadState();
      expect(await page.locator('.membership').textContent()).toContain('Willkommen!');
      await page.getByRole('button', { name: 'Gruppe verlassen' }).click();
      await page.waitForLoadState();
      expect(await page.locator('.membership').textContent()).toContain('Sie sind nicht mehr Mitglied dieser Gruppe.');
      expect(await page.getByRole('button', { name: 'Dieser Gruppe beitreten' }).count()).toBe(1);
      await page.close();
    } finally {
      await closeBrowser(noScript);
    }
  });

  it('asks to join a group that approves its members; its coordinator approves the request from "my groups"', async () => {
    await setJoinPolicy('vienna-user-group', 'approval');
    const created = await editor.create('api::membership.membership', {
      user: { connect: [{ documentId: coordinator.documentId }] },
      group: { connect: [{ documentId: await groupDocumentId('vienna-user-group') }] },
      role: 'coordinator',
      joinedAt: new Date().toISOString(),
    });
    expect(created.status, created.text).toBe(201);
    coordinatorMembership = (created.body.data ?? created.body).documentId;

    const page = await open(phone, '/fr/groups/vienna-user-group');
    expect(await page.locator('.membership').textContent()).toContain('Un·e coordinateur·rice du groupe valide chaque nouveau membre.');
    await page.getByRole('button', { name: 'Demander à rejoindre' }).click();
    await expect.poll(() => page.locator('.membership [role="status"]').textContent()).toContain('Votre demande a été envoyée');
    expect(await page.getByRole('button', { name: 'Retirer ma demande' }).count()).toBe(1);
    await page.goto(webUrl('/fr/my-groups'), { waitUntil: 'networkidle' });
    expect(await page.locator('#pending-heading').textContent()).toBe('Mes demandes');
    expect(await page.locator('section[aria-labelledby="pending-heading"]').textContent()).toContain('Vienna User Group');

    const coordinating = await openBrowser({ width: 390, height: 844, locale: 'ar-EG' });
    try {
      await signInAs(coordinating, coordinator, '127.0.60.32');
      const requests = await open(coordinating, '/ar/my-groups');
      const request = requests.locator('section[aria-labelledby="requests-heading"] .card').filter({ hasText: 'pages-emile' });
      expect(visible(await request.textContent())).toContain('pages-emile يطلب الانضمام إلى Vienna User Group');
      await expectCleanOnAPhone(requests, 'my-groups-requests-ar-phone');
      await request.getByRole('button', { name: 'قبول' }).click();
      await expect.poll(() => requests.locator('[role="status"]').textContent()).toContain('قُبل الطلب');
    } finally {
      await closeBrowser(coordinating);
    }

    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('.my-groups .card').filter({ hasText: 'Vienna User Group' }).getByRole('button', { name: 'Quitter ce groupe' }).count()).toBe(1);
    await page.close();
  });

  it('changes the display name and language, renews the calendar address, downloads the data, and deletes the account after confirming', async () => {
    const page = await open(phone, '/fr/account');
    await expectCleanOnAPhone(page, 'account-fr-phone');
    // The only way this account signs in cannot be removed.
    expect(await page.locator('.method-list button').count()).toBe(0);

    await page.locator('#displayName').fill('Émile Zola');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.locator('[role="status"]').textContent()).toContain('Enregistré.');
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('#displayName').inputValue()).toBe('Émile Zola');

    const oldCalendar = await page.locator('#calendar-url').inputValue();
    expect((await fetch(oldCalendar)).status).toBe(200);
    await page.getByRole('button', { name: 'Créer une nouvelle adresse d’agenda' }).click();
    await expect.poll(() => page.locator('#calendar-url').inputValue()).not.toBe(oldCalendar);
    const newCalendar = await page.locator('#calendar-url').inputValue();
    expect((await fetch(oldCalendar)).status).toBe(404);
    const feed = await fetch(newCalendar);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger mes données (JSON)' }).click()]);
    const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(JSON.stringify(exported)).toContain('pages-emile');

    const arabicAccount = await open(arabic, '/ar/account');
    await expectCleanOnAPhone(arabicAccount, 'account-ar-phone');
    await arabicAccount.close();

    await page.locator('#locale').selectOption('de');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL('**/de/account');
    expect(await page.getAttribute('html', 'lang')).toBe('de');

    const token = (await phone.cookies()).find((cookie) => cookie.name === SESSION_COOKIE)!.value;
    await page.getByRole('link', { name: 'Mein Konto löschen …' }).click();
    await page.waitForURL('**/de/account/delete');
    await expectCleanOnAPhone(page, 'account-delete-de-phone');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
    await page.waitForURL('**/de/account/deleted');
    expect(await page.locator('.member-name').count()).toBe(0);
    expect(await sessionIsAlive(token)).toBe(false);
    const signIn = await fetch(`${inject('cmsUrl')}/api/community/auth/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: member.email, password: member.password }),
    });
    expect(signIn.status).toBe(400);
    await page.close();
  });

  it('registers a new account from the register page', async () => {
    const visitor = await openBrowser({ width: 390, height: 844, locale: 'es-ES' });
    const page = await open(visitor, '/es/register');
    await expectCleanOnAPhone(page, 'register-es-phone');
    await page.locator('#username').fill('pages-gala');
    await page.locator('#email').fill('pages-gala@example.net');
    await page.locator('#password').fill('Gala-passw0rd-2027');
    await page.getByRole('button', { name: 'Crear la cuenta' }).click();
    await expect.poll(() => page.locator('[role="status"]').textContent()).toContain('pages-gala@example.net');
    // The CMS makes the account after it has answered (its answer is the same whether the address is taken or not).
    await expect.poll(async () => (await editor.list('plugin::users-permissions.user', 'filters[username][$eq]=pages-gala')).body.results?.length, { timeout: 10_000 }).toBe(1);
    const made = await editor.list('plugin::users-permissions.user', 'filters[username][$eq]=pages-gala');
    expect(made.body.results).toHaveLength(1);
    expect(made.body.results[0]).toMatchObject({ email: 'pages-gala@example.net', confirmed: false });
    for (const { documentId } of made.body.results ?? []) await admin.send('DELETE', `/content-manager/collection-types/plugin::users-permissions.user/${documentId}`);
    await closeBrowser(visitor);
  });
});
