import { expect, inject } from 'vitest';
import { admin, editor, requestFrom } from './client';

/** Helpers of the memberships, my-calendar and account suites: accounts made by an editor, sessions, member calls. */

export interface Answer {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

const USER = 'plugin::users-permissions.user';
const MEMBERSHIP = 'api::membership.membership';
export const PASSWORD = 'Member-passw0rd';

/** A request from a loopback address of the suite's own, with a session token when given. */
export async function call(from: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const url = path.startsWith('http') ? path : `${inject('cmsUrl')}${path}`;
  const response = await requestFrom(from, method, url, headers, options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
  let body: any;
  try {
    body = response.text ? JSON.parse(response.text) : undefined;
  } catch {
    body = undefined;
  }
  return { ...response, body };
}

export interface TestAccount {
  documentId: string;
  username: string;
  email: string;
}

/** An account made by an editor in the admin, as the member-session suite makes them. */
export async function makeAccount(username: string, options: { confirmed?: boolean; displayName?: string } = {}): Promise<TestAccount> {
  const roles = (await admin.get('/users-permissions/roles')).body.roles as { documentId: string; type: string }[];
  const email = `${username}@example.net`;
  const created = await editor.create(USER, {
    username,
    email,
    password: PASSWORD,
    confirmed: options.confirmed ?? true,
    blocked: false,
    ...(options.displayName ? { displayName: options.displayName } : {}),
    role: { connect: [{ documentId: roles.find((role) => role.type === 'authenticated')!.documentId }] },
  });
  expect(created.status, created.text).toBe(201);
  return { documentId: (created.body.data ?? created.body).documentId, username, email };
}

export async function removeAccount(account: TestAccount | undefined) {
  if (!account) return;
  for (const membership of await membershipsOf(account)) await admin.send('DELETE', `/content-manager/collection-types/${MEMBERSHIP}/${membership.documentId}`);
  await admin.send('DELETE', `/content-manager/collection-types/${USER}/${account.documentId}`);
}

/** A session token, signed in with the password from the given address. */
export async function signIn(account: TestAccount, from: string): Promise<string> {
  const answer = await call(from, 'POST', '/api/community/auth/local', { body: { identifier: account.email, password: PASSWORD } });
  expect(answer.status, answer.text).toBe(200);
  return answer.body.session as string;
}

export interface StoredMembership {
  documentId: string;
  role: string;
  state: string | null;
  wantsEmail: boolean;
  joinedAt: string;
  group: { slug: string } | null;
}

/** The account's memberships as an editor sees them in the admin. */
export async function membershipsOf(account: TestAccount): Promise<StoredMembership[]> {
  const list = await editor.list(MEMBERSHIP, `filters[user][documentId][$eq]=${account.documentId}&populate[group][fields][0]=slug&pageSize=100`);
  expect(list.status, list.text).toBe(200);
  return (list.body.results as StoredMembership[]).sort((a, b) => (a.group?.slug ?? '').localeCompare(b.group?.slug ?? ''));
}

/** A membership an editor makes in the admin (coordinators are named there). */
export async function addMembership(account: TestAccount, groupSlug: string, role: 'member' | 'coordinator', state: 'active' | 'pending' = 'active') {
  const groups = await editor.list('api::group.group', `filters[slug][$eq]=${groupSlug}`);
  const group = groups.body.results[0] as { documentId: string };
  const created = await editor.create(MEMBERSHIP, {
    user: { connect: [{ documentId: account.documentId }] },
    group: { connect: [{ documentId: group.documentId }] },
    role,
    state,
    joinedAt: new Date().toISOString(),
    wantsEmail: true,
  });
  expect(created.status, created.text).toBe(201);
  return (created.body.data ?? created.body).documentId as string;
}

/** The content version public caches key on: it changes when public content does. */
export async function contentVersion(): Promise<string> {
  const answer = await call('127.0.0.1', 'GET', '/api/community/content-version');
  expect(answer.status).toBe(200);
  return answer.body.version as string;
}

/** The coordinators a group's public page names. */
export async function publicCoordinators(slug: string): Promise<string[]> {
  const answer = await call('127.0.0.1', 'GET', `/api/groups?filters[slug][$eq]=${slug}&populate=coordinators`);
  expect(answer.status, answer.text).toBe(200);
  return (answer.body.data[0].coordinators as { name: string }[]).map((coordinator) => coordinator.name);
}
