import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { SITE_NAME } from '@chapterhouse/config';
import type { FeedQuery } from '../calendar/calendar-query';
import type { CalendarFile } from '../services/calendar';
import { getService } from '../utils';
import type { Memberships } from './memberships';

const CALENDAR = 'plugin::community.member-calendar';
const USER = 'plugin::users-permissions.user';

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Whether a string has the shape of a calendar secret (and so is worth a database read). */
export const looksLikeCalendarSecret = (secret: string) => /^[A-Za-z0-9_-]{43}$/.test(secret);

interface CalendarRow {
  id: number;
  secretHash: string;
  nonce?: string;
}

/**
 * Each member's private calendar: every event of their groups, at a secret address that
 * calendar applications poll without signing in. The database keeps only a digest of the
 * secret; the secret itself is derived from a random value and the CMS's first app key,
 * so the member can be shown the same address again but a copy of the database alone
 * opens no one's calendar. Renewing draws a new random value: the old address is dead at once.
 */
export function createMyCalendar(strapi: Core.Strapi) {
  const calendars = () => strapi.db.query(CALENDAR as any);
  const key = () => {
    const keys = strapi.config.get('server.app.keys') as string[] | undefined;
    if (!keys?.[0]) throw new Error('server.app.keys (APP_KEYS) is not set: private calendar addresses cannot be made.');
    return keys[0];
  };
  const secretOf = (nonce: string) => createHmac('sha256', key()).update(`member-calendar:${nonce}`).digest('base64url');
  const base = () => String(strapi.config.get('server.absoluteUrl') ?? '').replace(/\/+$/, '');
  const addressOf = (secret: string) => `${base()}/api/community/members/calendar/${secret}.ics`;

  async function issue(userId: number, existing: CalendarRow | null): Promise<string> {
    const nonce = randomBytes(24).toString('base64url');
    const secret = secretOf(nonce);
    const data = { secretHash: digest(secret), nonce };
    if (existing) await calendars().update({ where: { id: existing.id }, data });
    else await calendars().create({ data: { ...data, user: userId } });
    return secret;
  }

  async function rowOf(userId: number): Promise<CalendarRow | null> {
    return (await calendars().findOne({ where: { user: { id: userId } }, select: ['id', 'secretHash', 'nonce'] })) as CalendarRow | null;
  }

  return {
    /** The address of the member's calendar, made on the first call. */
    async address(userId: number): Promise<string> {
      const row = await rowOf(userId);
      if (row?.nonce) {
        const secret = secretOf(row.nonce);
        // After the app key changed, the stored digest names an address that can no longer be shown: a new one is issued.
        if (digest(secret) === row.secretHash) return addressOf(secret);
      }
      return addressOf(await issue(userId, row));
    },

    /** A new address; the previous one stops working at once. */
    async renew(userId: number): Promise<string> {
      return addressOf(await issue(userId, await rowOf(userId)));
    },

    /** Forgets the member's calendar (the account's deletion). */
    async remove(userId: number): Promise<void> {
      await calendars().deleteMany({ where: { user: { id: userId } } });
    },

    /** The calendar a secret opens, or null when no member's current address has it. */
    async file(secret: string, query: (preferredLocale: string | null) => FeedQuery): Promise<CalendarFile | null> {
      if (!looksLikeCalendarSecret(secret)) return null;
      const row = (await calendars().findOne({
        where: { secretHash: digest(secret) },
        select: ['id'],
        populate: { user: { select: ['id', 'blocked'] } },
      })) as { id: number; user: { id: number; blocked: boolean | null } | null } | null;
      if (!row?.user || row.user.blocked) return null;
      const account = (await strapi.db.query(USER).findOne({ where: { id: row.user.id }, select: ['preferredLocale'] })) as { preferredLocale: string | null } | null;
      const memberships = strapi.plugin('community').service('memberships') as Memberships;
      const slugs = await memberships.activeGroupSlugs(row.user.id);
      return getService(strapi, 'calendar').groups(slugs, `My groups · ${SITE_NAME}`, query(account?.preferredLocale ?? null));
    },
  };
}

export type MyCalendar = ReturnType<typeof createMyCalendar>;
