import { inject } from 'vitest';
import { admin, editor, requestFrom } from '../api/client';

export const PASSWORD = 'Member-passw0rd';

export interface TestMember {
  documentId: string;
  username: string;
  email: string;
  password: string;
  remove(): Promise<void>;
}

/** A confirmed account made by an editor, as the admin UI makes one. */
export async function createMember(username: string): Promise<TestMember> {
  const roles = (await admin.get('/users-permissions/roles')).body.roles as { documentId: string; type: string }[];
  const email = `${username}@example.net`;
  const created = await editor.create('plugin::users-permissions.user', {
    username,
    email,
    password: PASSWORD,
    confirmed: true,
    blocked: false,
    role: { connect: [{ documentId: roles.find((role) => role.type === 'authenticated')!.documentId }] },
  });
  if (created.status !== 201) throw new Error(`Could not make the account ${username}: ${created.text}`);
  const documentId = (created.body.data ?? created.body).documentId as string;
  return {
    documentId,
    username,
    email,
    password: PASSWORD,
    async remove() {
      await admin.send('DELETE', `/content-manager/collection-types/plugin::users-permissions.user/${documentId}`);
    },
  };
}

/**
 * A session token straight from the CMS, signed in from `from` (a loopback address of the
 * website suites' range, 127.0.60-69.x), so that the website's own sign-ins stay few.
 */
export async function cmsSession(member: TestMember, from: string): Promise<string> {
  const response = await requestFrom(
    from,
    'POST',
    `${inject('cmsUrl')}/api/community/auth/local`,
    { 'content-type': 'application/json' },
    JSON.stringify({ identifier: member.email, password: member.password }),
  );
  if (response.status !== 200) throw new Error(`The CMS refused to sign ${member.username} in: ${response.status} ${response.text}`);
  return JSON.parse(response.text).session as string;
}

/** Whether the CMS still knows the session. */
export async function sessionIsAlive(token: string): Promise<boolean> {
  const response = await fetch(`${inject('cmsUrl')}/api/community/me`, { headers: { authorization: `Bearer ${token}` } });
  return response.status === 200;
}

export const SESSION_COOKIE = 'chapterhouse_session';
