import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Member, Sessions } from '../members/sessions';

const USER = 'plugin::users-permissions.user';
const REFUSED = 'Wrong e-mail address, username or password.';
// A bcrypt hash compared against when no account matches, so that an unknown address takes as long as a wrong password.
const NO_ACCOUNT_HASH = '$2a$10$4F8IRg762j.xQuR5tB8gl.eww/x.drApkyAZ5FlD5s6NnjvB2f9R2';

const text = (value: unknown, name: string, max: number) => {
  if (typeof value !== 'string' || value.length === 0) throw new errors.ValidationError(`${name} is required, as text.`);
  if (value.length > max) throw new errors.ValidationError(`${name} is longer than ${max} characters.`);
  return value;
};

const memberAnswer = (member: Member) => ({
  username: member.username,
  email: member.email,
  confirmed: member.confirmed,
});

/**
 * Sign-in with an e-mail address (or username) and password, on behalf of the website's
 * server: the answer carries a session token, never put in a URL; sign-out; who a session is.
 */
const memberSession = ({ strapi }: { strapi: Core.Strapi }) => {
  const sessions = () => strapi.plugin('community').service('sessions') as Sessions;

  return {
    async signIn(ctx: any) {
      const body = ctx.request.body;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new errors.ValidationError('Send { "identifier": …, "password": … } as JSON.');
      const identifier = text(body.identifier, 'identifier', 255);
      const password = text(body.password, 'password', 200);
      const user = (await strapi.db.query(USER).findOne({
        where: { provider: 'local', $or: [{ email: identifier.toLowerCase() }, { username: identifier }] },
        select: ['id', 'password', 'blocked', 'username', 'email', 'confirmed'],
      })) as { id: number; password: string | null; blocked: boolean | null; username: string; email: string | null; confirmed: boolean | null } | null;
      const users = strapi.plugin('users-permissions').service('user') as { validatePassword(password: string, hash: string): Promise<boolean> };
      const matches = await users.validatePassword(password, user?.password ?? NO_ACCOUNT_HASH);
      if (!user || !user.password || !matches || user.blocked) throw new errors.ValidationError(REFUSED);
      const { token, expiresAt } = await sessions().create(user.id);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { session: token, expiresAt: expiresAt.toISOString(), member: { username: user.username, email: user.email ?? null, confirmed: user.confirmed === true } };
    },

    async signOut(ctx: any) {
      await sessions().end(ctx.state.sessionToken);
      ctx.status = 204;
    },

    async me(ctx: any) {
      const member = ctx.state.member as Member;
      const memberships = strapi.plugin('community').service('memberships') as { mayJoin(member: Member): Promise<boolean> };
      ctx.body = { data: { ...memberAnswer(member), mayJoin: await memberships.mayJoin(member) } };
    },
  };
};

export default memberSession;
