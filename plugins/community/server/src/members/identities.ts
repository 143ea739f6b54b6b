import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { enabledProviders, environment, PROVIDERS } from './providers';
import type { VerifiedIdentity } from './oidc-protocol';

const IDENTITY = 'plugin::community.identity';
const USER = 'plugin::users-permissions.user';

export interface IdentityRow {
  provider: string;
  name: string;
  linkedAt: string;
}

export class IdentityInUse extends Error {}
export class LastWayToSignIn extends Error {}

/** A username made from the person's name or address, with a random tail when it is taken. */
function usernameBase(identity: VerifiedIdentity) {
  const from = identity.name ?? identity.email?.split('@')[0] ?? 'member';
  const base = from
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30);
  return base.length >= 3 ? base : 'member';
}

/**
 * Accounts by the way they sign in: an outside provider's account is found by the
 * provider and its subject, never by e-mail address. An address equal to another
 * account's makes a new account, not a way into that one; a sign-in is added to an
 * existing account only from that account's own session (a link ticket).
 */
export function createIdentities(strapi: Core.Strapi) {
  const identities = () => strapi.db.query(IDENTITY as any);
  const users = () => strapi.db.query(USER);

  const find = (provider: string, subject: string) =>
    identities().findOne({ where: { provider, subject }, populate: { user: { select: ['id', 'blocked'] } } }) as Promise<{
      id: number;
      user: { id: number; blocked: boolean | null } | null;
    } | null>;

  async function defaultRoleId(): Promise<number> {
    const advanced = (await strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' }).get()) as { default_role?: string } | null;
    const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: advanced?.default_role ?? 'authenticated' } })) as { id: number };
    return role.id;
  }

  async function freeUsername(base: string): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const candidate = attempt === 0 ? base : `${base}-${randomBytes(3).toString('hex')}`;
      if (!(await users().findOne({ where: { username: candidate }, select: ['id'] }))) return candidate;
    }
    return `member-${randomBytes(8).toString('hex')}`;
  }

  /** Adds the identity to the account; a unique index on (provider, subject) keeps it to one account. */
  async function attach(provider: string, subject: string, userId: number) {
    try {
      await identities().create({ data: { provider, subject, user: userId } });
    } catch (error) {
      const existing = await find(provider, subject);
      if (existing?.user?.id === userId) return;
      if (existing) throw new IdentityInUse('This sign-in belongs to another account.');
      throw error;
    }
  }

  return {
    /** The account this outside identity signs in to, made on its first sign-in; null when that account is blocked. */
    async signIn(provider: string, identity: VerifiedIdentity): Promise<number | null> {
      const existing = await find(provider, identity.subject);
      if (existing?.user) return existing.user.blocked ? null : existing.user.id;
      const user = (await users().create({
        data: {
          username: await freeUsername(usernameBase(identity)),
          email: identity.email,
          provider,
          confirmed: identity.email !== null && identity.emailVerified,
          blocked: false,
          role: await defaultRoleId(),
        },
      })) as { id: number };
      try {
        await attach(provider, identity.subject, user.id);
      } catch (error) {
        // The same first sign-in, twice at once: the other request made the account.
        await users().delete({ where: { id: user.id } });
        if (error instanceof IdentityInUse) {
          const winner = await find(provider, identity.subject);
          if (winner?.user && !winner.user.blocked) return winner.user.id;
          return null;
        }
        throw error;
      }
      return user.id;
    },

    /** Adds an outside identity to the signed-in account that asked for it. */
    async link(provider: string, identity: VerifiedIdentity, userId: number) {
      const existing = await find(provider, identity.subject);
      if (existing?.user && existing.user.id !== userId) throw new IdentityInUse('This sign-in belongs to another account.');
      if (!existing) await attach(provider, identity.subject, userId);
    },

    /** The ways an account signs in: its outside identities, and its password (`email`). */
    async list(userId: number): Promise<IdentityRow[]> {
      const names = new Map(PROVIDERS.map((provider) => [provider.id, provider.name(environment())]));
      const user = (await users().findOne({ where: { id: userId }, select: ['password', 'provider', 'createdAt'] })) as {
        password: string | null;
        provider: string | null;
        createdAt: string;
      } | null;
      const rows = (await identities().findMany({ where: { user: { id: userId } }, select: ['provider', 'createdAt'], orderBy: { createdAt: 'asc' } })) as {
        provider: string;
        createdAt: string | Date;
      }[];
      const list = rows.map((row) => ({ provider: row.provider, name: names.get(row.provider) ?? row.provider, linkedAt: new Date(row.createdAt).toISOString() }));
      // A password signs in to e-mail accounts only (see the /auth/local route).
      if (user?.password && user.provider === 'local') list.unshift({ provider: 'email', name: names.get('email')!, linkedAt: new Date(user.createdAt).toISOString() });
      return list;
    },

    /** Removes a way to sign in, unless it is the account's last one. False when the account has no such way. */
    async unlink(userId: number, provider: string): Promise<boolean> {
      const ways = await this.list(userId);
      if (!ways.some((way) => way.provider === provider)) return false;
      if (ways.length <= 1) throw new LastWayToSignIn('This is the last way to sign in to this account: link another first.');
      if (provider === 'email') await users().update({ where: { id: userId }, data: { password: null } });
      else {
        const rows = (await identities().findMany({ where: { user: { id: userId }, provider }, select: ['id'] })) as { id: number }[];
        await identities().deleteMany({ where: { id: { $in: rows.map((row) => row.id) } } });
      }
      return true;
    },

    enabled: () => enabledProviders(),
  };
}

export type Identities = ReturnType<typeof createIdentities>;
