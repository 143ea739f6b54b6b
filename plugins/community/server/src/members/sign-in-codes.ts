import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

const CODE = 'plugin::community.sign-in-code';
const STATE = 'plugin::community.sign-in-state';

/** A one-time code lives this long: the website exchanges it at once. */
export const CODE_LIFETIME_MS = 60_000;
/** A link ticket, from the account page to the provider's start. */
export const TICKET_LIFETIME_MS = 10 * 60_000;
/** A sign-in at a provider may take this long (a password typed, a second factor). */
export const STATE_LIFETIME_MS = 10 * 60_000;

export const digest = (value: string) => createHash('sha256').update(value).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface SignInState {
  provider: string;
  codeVerifier: string | null;
  nonce: string | null;
  returnTo: string;
  linkTo: number | null;
}

/**
 * The short-lived records of a sign-in: the state between the start and the provider's
 * answer, and the one-time codes handed to the website. Each is kept as a digest only and
 * taken once: of two requests with the same code, one gets it.
 */
export function createSignInCodes(strapi: Core.Strapi) {
  const codes = () => strapi.db.query(CODE as any);
  const states = () => strapi.db.query(STATE as any);

  /** Deletes the row and tells whether this call was the one that deleted it. */
  const take = async (query: ReturnType<typeof codes>, id: number) => ((await query.deleteMany({ where: { id } })) as { count: number }).count === 1;

  const sweep = async () => {
    const now = new Date();
    await codes().deleteMany({ where: { expiresAt: { $lte: now } } });
    await states().deleteMany({ where: { expiresAt: { $lte: now } } });
  };

  return {
    async issue(purpose: 'session' | 'link', userId: number, details: { provider?: string; returnTo?: string } = {}) {
      await sweep();
      const code = randomToken();
      const lifetime = purpose === 'session' ? CODE_LIFETIME_MS : TICKET_LIFETIME_MS;
      await codes().create({
        data: { codeHash: digest(code), purpose, user: userId, provider: details.provider ?? null, returnTo: details.returnTo ?? null, expiresAt: new Date(Date.now() + lifetime) },
      });
      return code;
    },

    /** The account (and details) a code was issued for, once; null when unknown, used, expired or of another purpose. */
    async redeem(purpose: 'session' | 'link', code: unknown): Promise<{ userId: number; provider: string | null; returnTo: string | null } | null> {
      if (typeof code !== 'string' || !TOKEN.test(code)) return null;
      const row = (await codes().findOne({
        where: { codeHash: digest(code), purpose },
        select: ['id', 'provider', 'returnTo', 'expiresAt'],
        populate: { user: { select: ['id'] } },
      })) as { id: number; provider: string | null; returnTo: string | null; expiresAt: string | Date; user: { id: number } | null } | null;
      if (!row || !(await take(codes(), row.id))) return null;
      if (new Date(row.expiresAt).getTime() <= Date.now() || !row.user) return null;
      return { userId: row.user.id, provider: row.provider, returnTo: row.returnTo };
    },

    async saveState(state: string, record: SignInState) {
      await sweep();
      await states().create({
        data: { stateHash: digest(state), ...record, linkTo: record.linkTo ?? null, expiresAt: new Date(Date.now() + STATE_LIFETIME_MS) },
      });
    },

    /** The sign-in a state belongs to, once; null when unknown, used or expired. */
    async takeState(state: unknown): Promise<SignInState | null> {
      if (typeof state !== 'string' || !TOKEN.test(state)) return null;
      const row = (await states().findOne({
        where: { stateHash: digest(state) },
        populate: { linkTo: { select: ['id'] } },
      })) as (Omit<SignInState, 'linkTo'> & { id: number; expiresAt: string | Date; linkTo: { id: number } | null }) | null;
      if (!row || !(await take(states(), row.id))) return null;
      if (new Date(row.expiresAt).getTime() <= Date.now()) return null;
      return { provider: row.provider, codeVerifier: row.codeVerifier, nonce: row.nonce, returnTo: row.returnTo, linkTo: row.linkTo?.id ?? null };
    },
  };
}

export type SignInCodes = ReturnType<typeof createSignInCodes>;
