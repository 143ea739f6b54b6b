import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../setup/database';
import { startCms, type RunningCms } from '../setup/strapi';

/**
 * Sign-up opened with ALLOW_SIGN_UP=true, on a CMS of its own (the shared one keeps it
 * closed, see permissions.test.ts), without the demo content.
 */
describe('sign-up, when ALLOW_SIGN_UP=true', () => {
  let database: TestDatabase;
  let cms: RunningCms;

  const register = async (body: unknown) => {
    const response = await fetch(`${cms.url}/api/auth/local/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    database = await createTestDatabase(inject('database'));
    Object.assign(process.env, database.env, { ALLOW_SIGN_UP: 'true', SEED_DEMO: 'false' });
    cms = await startCms();
  });

  afterAll(async () => {
    await cms?.stop();
    await database?.drop();
  });

  it('creates an account that can sign in', async () => {
    const created = await register({ username: 'newcomer', email: 'Newcomer@Example.net', password: 'Newcomer-passw0rd' });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.jwt).toBeTruthy();
    expect(created.body.user).toMatchObject({ username: 'newcomer', email: 'newcomer@example.net', confirmed: true, blocked: false });
    expect(created.body.user).not.toHaveProperty('password');

    const signIn = await fetch(`${cms.url}/api/auth/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: 'newcomer@example.net', password: 'Newcomer-passw0rd' }),
    });
    expect(signIn.status).toBe(200);
  });

  it('refuses a taken address or username, and every field a visitor may not choose, with a 400', async () => {
    for (const body of [
      { username: 'someone-else', email: 'newcomer@example.net', password: 'Other-passw0rd' },
      { username: 'newcomer', email: 'other@example.net', password: 'Other-passw0rd' },
      { username: 'chosen-role', email: 'role@example.net', password: 'Other-passw0rd', role: 1 },
      { username: 'self-confirmed', email: 'confirmed@example.net', password: 'Other-passw0rd', confirmed: true },
      { username: 'unblocked', email: 'blocked@example.net', password: 'Other-passw0rd', blocked: false },
      { username: 'bad-address', email: 'not an address', password: 'Other-passw0rd' },
      { username: 'no-password', email: 'nopassword@example.net' },
      { username: { $ne: null }, email: 'odd@example.net', password: 'Other-passw0rd' },
    ]) {
      const response = await register(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.message, JSON.stringify(body)).toBeTruthy();
    }
  });
});
