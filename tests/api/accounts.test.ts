import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startMailServer, type MailServer } from '../fixtures/mail-server';
import { admin, api, editor, type ApiResponse } from './client';

const PASSWORD = 'Right-passw0rd';
const USER = 'plugin::users-permissions.user';

/** Test accounts in each state an address can be in, and an address with no account. */
const addresses = {
  confirmed: 'acc.confirmed@example.net',
  unconfirmed: 'acc.unconfirmed@example.net',
  blocked: 'acc.blocked@example.net',
  unknown: 'nobody.here@example.net',
};

const created: { uid: string; documentId: string }[] = [];

async function create(uid: string, data: Record<string, unknown>) {
  const response = await editor.create(uid, data);
  expect(response.status, response.text).toBe(201);
  // The content manager answers for accounts without the `data` wrapper it uses for content.
  const { documentId } = (response.body.data ?? response.body) as { documentId: string };
  created.push({ uid, documentId });
  return documentId;
}

async function createAccounts() {
  const roles = (await admin.get('/users-permissions/roles')).body.roles as { documentId: string; type: string }[];
  const authenticated = roles.find((role) => role.type === 'authenticated')!;
  const account = (email: string, extra: Record<string, unknown>) =>
    create(USER, {
      username: email.split('@')[0],
      email,
      password: PASSWORD,
      role: { connect: [{ documentId: authenticated.documentId }] },
      blocked: false,
      ...extra,
    });
  await account(addresses.confirmed, { confirmed: true });
  await account(addresses.unconfirmed, { confirmed: false });
  await account(addresses.blocked, { confirmed: true, blocked: true });
}

/** What a caller can tell apart: the status and the body. */
const answer = (response: ApiResponse) => ({ status: response.status, body: response.body });

beforeAll(createAccounts);

afterAll(async () => {
  for (const { uid, documentId } of created.reverse()) {
    await admin.send('DELETE', `/content-manager/collection-types/${uid}/${documentId}`);
  }
});

describe('account e-mail routes, while the mail provider fails', () => {
  it('answer a password reset request alike for an existing, unconfirmed, blocked or unknown address', async () => {
    // Nothing listens on the CMS's SMTP port yet: every e-mail fails, which must not show.
    for (const [state, email] of Object.entries({ ...addresses, 'existing, other case': 'Acc.Confirmed@Example.NET' })) {
      const response = await api.send('POST', '/api/auth/forgot-password', { email });
      expect(answer(response), state).toEqual({ status: 200, body: { ok: true } });
    }
  });

  it('answer a confirmation e-mail request alike for an existing, unconfirmed, already confirmed, blocked or unknown address', async () => {
    for (const [state, email] of Object.entries({ ...addresses, 'existing, other case': 'Acc.Unconfirmed@Example.NET' })) {
      const response = await api.send('POST', '/api/auth/send-email-confirmation', { email });
      expect(answer(response), state).toEqual({ status: 200, body: { email, sent: true } });
    }
  });

  it('refuse a malformed request with a 400 that says what is wrong', async () => {
    for (const path of ['/api/auth/forgot-password', '/api/auth/send-email-confirmation']) {
      for (const body of [{}, [], 'x', { email: 'not an address' }, { email: [addresses.confirmed] }, { email: { $ne: null } }, { email: addresses.confirmed, role: 1 }]) {
        const response = await api.send('POST', path, body);
        expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
        expect(response.body.error.message, `${path} ${JSON.stringify(body)}`).toBeTruthy();
      }
    }
  });
});

describe('sign-in', () => {
  it('gives a wrong password and an unknown account the same answer', async () => {
    const unknown = await api.send('POST', '/api/auth/local', { identifier: addresses.unknown, password: PASSWORD });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('Invalid identifier or password');
    for (const identifier of [addresses.confirmed, addresses.unconfirmed, addresses.blocked, 'acc.confirmed']) {
      const wrong = await api.send('POST', '/api/auth/local', { identifier, password: 'Wrong-passw0rd' });
      expect(answer(wrong), identifier).toEqual(answer(unknown));
    }
    for (const body of [{ identifier: { $ne: '' }, password: PASSWORD }, { identifier: addresses.confirmed, password: [PASSWORD] }]) {
      const odd = await api.send('POST', '/api/auth/local', body);
      expect(odd.status, JSON.stringify(body)).toBe(400);
    }
    const right = await api.send('POST', '/api/auth/local', { identifier: addresses.confirmed, password: PASSWORD });
    expect(right.status, right.text).toBe(200);
    expect(right.body.jwt).toBeTruthy();
    expect(right.body.user.email).toBe(addresses.confirmed);
  });

  it('refuses every wrong or odd reset code with a 400, never a 500', async () => {
    for (const code of ['not-a-code', '', { $ne: null }, ['x'], 12345]) {
      const response = await api.send('POST', '/api/auth/reset-password', { code, password: 'New-passw0rd', passwordConfirmation: 'New-passw0rd' });
      expect(response.status, JSON.stringify(code)).toBe(400);
      expect(response.body.error.message).toBeTruthy();
    }
  });

  it('refuses every wrong or odd confirmation token with a 400, never a 500', async () => {
    for (const query of ['confirmation=not-a-token', 'confirmation=', 'confirmation[$ne]=x', 'confirmation[]=a&confirmation[]=b', '']) {
      const response = await api.get(`/api/auth/email-confirmation?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.message).toBeTruthy();
    }
  });

  it('refuses sign-up alike for a taken and a new address while sign-up is closed', async () => {
    const attempt = (email: string) =>
      api.send('POST', '/api/auth/local/register', { username: email.split('@')[0], email, password: 'Mallory-passw0rd' });
    const taken = await attempt(addresses.confirmed);
    expect(taken.status).toBe(403);
    expect(answer(await attempt(addresses.unknown))).toEqual(answer(taken));
  });
});

describe('API tokens', () => {
  const tokens: Record<string, string> = {};
  const tokenIds: number[] = [];
  const read = (token: string, path: string) => api.get(path, { headers: { authorization: `Bearer ${token}` } });

  async function createToken(name: string, type: string, permissions?: string[]) {
    const response = await admin.send('POST', '/admin/api-tokens', { name, type, lifespan: null, ...(permissions ? { permissions } : {}) });
    expect(response.status, response.text).toBe(201);
    tokenIds.push(response.body.data.id);
    return response.body.data.accessKey as string;
  }

  beforeAll(async () => {
    tokens.readOnly = await createToken('accounts test read-only', 'read-only');
    tokens.fullAccess = await createToken('accounts test full access', 'full-access');
    tokens.personal = await createToken('accounts test members and applicants', 'custom', [
      'plugin::users-permissions.user.find',
      'plugin::users-permissions.user.findOne',
      'api::group-application.group-application.find',
    ]);
    await create('api::group-application.group-application', {
      proposedName: 'Token Test User Group',
      city: 'Lyon',
      country: 'FR',
      contactName: 'Applicant Private Name',
      contactEmail: 'applicant.private@example.net',
      message: 'We would like to start a group here, please.',
    });
  });

  afterAll(async () => {
    for (const id of tokenIds) await admin.send('DELETE', `/admin/api-tokens/${id}`);
  });

  it('of the read-only kind read what the public reads, and feed health', async () => {
    for (const path of [
      '/api/groups',
      '/api/events',
      '/api/resources',
      '/api/pages',
      '/api/regions',
      '/api/community/posts',
      '/api/community/photos',
      '/api/community/groups.geojson',
      '/api/community/calendar.ics',
      '/api/community/activity.atom',
    ]) {
      expect((await read(tokens.readOnly!, path)).status, path).toBe(200);
    }
    const feeds = await read(tokens.readOnly!, '/api/community/feeds');
    expect(feeds.status, feeds.text).toBe(200);
    expect(Array.isArray(feeds.body.data)).toBe(true);
    expect(feeds.body.data.length).toBeGreaterThan(0);
    expect(feeds.body.data[0]).toHaveProperty('url');
  });

  it('of the read-only kind read no member’s or applicant’s personal data, and write nothing', async () => {
    const user = (await read(tokens.fullAccess!, `/api/users?filters[email][$eq]=${addresses.confirmed}`)).body[0];
    const application = (await read(tokens.personal!, '/api/group-applications')).body.data[0];
    for (const path of ['/api/users', `/api/users/${user.id}`, '/api/memberships', '/api/group-applications', `/api/group-applications/${application.documentId}`]) {
      const response = await read(tokens.readOnly!, path);
      expect(response.status, path).toBe(403);
      expect(response.body.error.message, path).toMatch(/read-only API token/);
      expect(response.text, path).not.toContain('@example');
    }
    const write = await api.get('/api/groups', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.readOnly}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { name: 'x' } }),
    });
    expect(write.status).toBe(403);
  });

  it('of a custom kind read exactly the personal data an admin granted', async () => {
    const users = await read(tokens.personal!, '/api/users?pagination[pageSize]=100');
    expect(users.status, users.text).toBe(200);
    expect(users.body.map((u: { email: string }) => u.email)).toContain(addresses.confirmed);
    const applications = await read(tokens.personal!, '/api/group-applications');
    expect(applications.status, applications.text).toBe(200);
    expect(applications.body.data.map((a: { contactName: string }) => a.contactName)).toContain('Applicant Private Name');
    for (const path of ['/api/memberships', '/api/community/feeds', `/api/group-applications/${applications.body.data[0].documentId}`]) {
      expect((await read(tokens.personal!, path)).status, path).toBe(403);
    }
  });

  it('of the full-access kind read everything', async () => {
    for (const path of ['/api/users', '/api/memberships', '/api/group-applications', '/api/community/feeds']) {
      expect((await read(tokens.fullAccess!, path)).status, path).toBe(200);
    }
  });
});

describe('account e-mail routes, with a mail provider that delivers', () => {
  let mail: MailServer;
  const mailTo = (address: string) => mail.messages.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    mail = await startMailServer(inject('mailPort'));
  });

  afterAll(async () => {
    await mail?.close();
  });

  it('send a password reset only to an account that can use it, and its code sets a new password', async () => {
    const seen = mailTo(addresses.confirmed).length;
    for (const email of [addresses.unknown, addresses.blocked, addresses.confirmed]) {
      const response = await api.send('POST', '/api/auth/forgot-password', { email });
      expect(answer(response), email).toEqual({ status: 200, body: { ok: true } });
    }
    const reset = await mail.next(addresses.confirmed, seen);
    const code = /code=([0-9a-f]{128})/.exec(reset.text)?.[1];
    expect(code, reset.text).toBeTruthy();
    expect(mailTo(addresses.unknown)).toEqual([]);
    expect(mailTo(addresses.blocked)).toEqual([]);

    const changed = await api.send('POST', '/api/auth/reset-password', { code, password: 'Fresh-passw0rd', passwordConfirmation: 'Fresh-passw0rd' });
    expect(changed.status, changed.text).toBe(200);
    const signIn = await api.send('POST', '/api/auth/local', { identifier: addresses.confirmed, password: 'Fresh-passw0rd' });
    expect(signIn.status, signIn.text).toBe(200);
    const again = await api.send('POST', '/api/auth/reset-password', { code, password: 'Other-passw0rd', passwordConfirmation: 'Other-passw0rd' });
    expect(again.status).toBe(400);
  });

  it('send an address confirmation only to an unconfirmed account, and its token confirms the address', async () => {
    const seen = mailTo(addresses.unconfirmed).length;
    for (const email of [addresses.unknown, addresses.blocked, addresses.confirmed, addresses.unconfirmed]) {
      const response = await api.send('POST', '/api/auth/send-email-confirmation', { email });
      expect(answer(response), email).toEqual({ status: 200, body: { email, sent: true } });
    }
    const message = await mail.next(addresses.unconfirmed, seen);
    const token = /confirmation=([0-9a-f]{40})/.exec(message.text)?.[1];
    expect(token, message.text).toBeTruthy();
    expect(mailTo(addresses.unknown)).toEqual([]);
    expect(mailTo(addresses.blocked)).toEqual([]);
    expect(mailTo(addresses.confirmed).some((m) => /confirmation=/.test(m.text))).toBe(false);

    const confirmation = await api.get(`/api/auth/email-confirmation?confirmation=${token}`);
    expect(confirmation.status, confirmation.text).toBe(302);
    // On to the website, which says in the visitor's language that the address is confirmed.
    expect(new URL(confirmation.headers.get('location')!).pathname).toBe('/auth/confirmed');
    const account = await editor.list(USER, `filters[email][$eq]=${encodeURIComponent(addresses.unconfirmed)}`);
    expect(account.body.results.map((a: { confirmed: boolean }) => a.confirmed)).toEqual([true]);
  });
});
