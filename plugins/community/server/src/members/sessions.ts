import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

const SESSION = 'plugin::community.session';
/** A session lasts this long after sign-in; signing in again starts a new one. */
export const SESSION_LIFETIME_MS = 30 * 24 * 3600 * 1000;
const TOKEN_PREFIX = 'chs_';

/** Who a session speaks for, as the member routes see them. */
export interface Member {
  id: number;
  documentId: string;
  username: string;
  email: string | null;
  confirmed: boolean;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whether a string has the shape of a session token (and so is worth a database read). */
export const looksLikeSessionToken = (token: string) => /^chs_[A-Za-z0-9_-]{43}$/.test(token);

/**
 * Sessions of members signed in on the website. The token is handed out once, at sign-in;
 * the database keeps only its SHA-256, so a copy of the database signs nobody in.
 */
export function createSessions(strapi: Core.Strapi) {
  const sessions = () => strapi.db.query(SESSION as any);

  return {
    /** A new session for the user; the token, to be kept by the website in its cookie. */
    async create(userId: number, lifetimeMs = SESSION_LIFETIME_MS): Promise<{ token: string; expiresAt: Date }> {
      const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + lifetimeMs);
      await sessions().create({ data: { tokenHash: digest(token), user: userId, expiresAt } });
      return { token, expiresAt };
    },

    /** The member a token speaks for, or null: unknown, ended, expired, or the account blocked. */
    async resolve(token: unknown): Promise<Member | null> {
      if (typeof token !== 'string' || !looksLikeSessionToken(token)) return null;
      const session = (await sessions().findOne({
        where: { tokenHash: digest(token) },
        select: ['id', 'expiresAt'],
        populate: { user: { select: ['id', 'documentId', 'username', 'email', 'confirmed', 'blocked'] } },
      })) as { id: number; expiresAt: string | Date; user: (Member & { blocked: boolean | null }) | null } | null;
      if (!session?.user || session.user.blocked) return null;
      if (new Date(session.expiresAt).getTime() <= Date.now()) {
        await sessions().delete({ where: { id: session.id } });
        return null;
      }
      const { id, documentId, username, email, confirmed } = session.user;
      return { id, documentId, username, email: email ?? null, confirmed: confirmed === true };
    },

    /** Ends one session (sign-out). */
    async end(token: unknown): Promise<void> {
      if (typeof token !== 'string' || !looksLikeSessionToken(token)) return;
      await sessions().deleteMany({ where: { tokenHash: digest(token) } });
    },

    /** Ends every session of an account (password change or reset, deletion, blocking). */
    async endAll(userId: number): Promise<void> {
      await sessions().deleteMany({ where: { user: { id: userId } } });
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
