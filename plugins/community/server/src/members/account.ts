import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LOCALE_CODES, findLocale } from '@chapterhouse/config';
import type { Memberships } from './memberships';
import type { MyCalendar } from './my-calendar';
import type { Member, Sessions } from './sessions';

const USER = 'plugin::users-permissions.user';
const GROUP = 'api::group.group';
export const DISPLAY_NAME_MAX = 80;

export interface Account {
  username: string;
  email: string | null;
  displayName: string | null;
  locale: string | null;
}

interface UserRow {
  id: number;
  username: string;
  email: string | null;
  displayName: string | null;
  preferredLocale: string | null;
  provider: string | null;
  confirmed: boolean | null;
  createdAt: string | Date;
}

/** What `PUT /me/account` may change, read from its body; a message when the body is wrong. */
export function readAccountChange(body: unknown): { displayName?: string | null; preferredLocale?: string } | string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'Send { "displayName": …, "locale": … } as JSON.';
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((name) => name !== 'displayName' && name !== 'locale');
  if (unknown.length) return `Only "displayName" and "locale" can be changed here, not: ${unknown.join(', ')}.`;
  if (!('displayName' in fields) && !('locale' in fields)) return 'Send "displayName", "locale" or both.';
  const change: { displayName?: string | null; preferredLocale?: string } = {};
  if ('displayName' in fields) {
    const name = fields.displayName;
    if (name !== null && typeof name !== 'string') return '"displayName" must be text, or null to show no name.';
    // eslint-disable-next-line no-control-regex
    if (name && /[\u0000-\u001f\u007f-\u009f]/.test(name)) return '"displayName" must not hold control characters (line breaks, tabs…).';
    const trimmed = name?.replace(/\s+/g, ' ').trim() ?? '';
    if (trimmed.length > DISPLAY_NAME_MAX) return `"displayName" is longer than ${DISPLAY_NAME_MAX} characters.`;
    change.displayName = trimmed || null;
  }
  if ('locale' in fields) {
    const locale = typeof fields.locale === 'string' ? findLocale(fields.locale) : undefined;
    if (!locale) return `"locale" must be one of the site's languages: ${LOCALE_CODES.join(', ')}.`;
    change.preferredLocale = locale;
  }
  return change;
}

/**
 * The member's own account: what they show and prefer, a copy of what the portal keeps
 * about them, and deleting it. Deleting removes memberships and requests, the private
 * calendar and every session, then the account itself.
 */
export function createAccount(strapi: Core.Strapi) {
  const users = () => strapi.db.query(USER);
  const service = <T>(name: string) => strapi.plugin('community').service(name) as T;

  async function row(userId: number): Promise<UserRow> {
    const user = (await users().findOne({
      where: { id: userId },
      select: ['id', 'username', 'email', 'displayName', 'preferredLocale', 'provider', 'confirmed', 'createdAt'],
    })) as UserRow | null;
    if (!user) throw new errors.NotFoundError('This account no longer exists.');
    return user;
  }

  const answer = (user: UserRow): Account => ({
    username: user.username,
    email: user.email ?? null,
    displayName: user.displayName ?? null,
    locale: user.preferredLocale ?? null,
  });

  return {
    async show(member: Member): Promise<Account> {
      return answer(await row(member.id));
    },

    async change(member: Member, change: { displayName?: string | null; preferredLocale?: string }): Promise<Account> {
      await users().update({ where: { id: member.id }, data: change });
      return answer(await row(member.id));
    },

    /** Everything the portal keeps about the member, for them to take away. */
    async export(member: Member) {
      const user = await row(member.id);
      const rows = await service<Memberships>('memberships').membershipsOf(member.id);
      const ids = [...new Set(rows.flatMap((membership) => (membership.group ? [membership.group.documentId] : [])))];
      const groups = ids.length
        ? ((await strapi.db.query(GROUP).findMany({ select: ['documentId', 'slug', 'name'], where: { documentId: { $in: ids } } })) as { documentId: string; slug: string; name: string }[])
        : [];
      const groupOf = (documentId?: string) => {
        const group = groups.find((candidate) => candidate.documentId === documentId);
        return group ? { slug: group.slug, name: group.name } : null;
      };
      const entry = (membership: (typeof rows)[number]) => ({
        group: groupOf(membership.group?.documentId),
        role: membership.role,
        wantsEmail: membership.wantsEmail !== false,
        since: new Date(membership.joinedAt).toISOString(),
      });
      return {
        exportedAt: new Date().toISOString(),
        account: {
          ...answer(user),
          confirmed: user.confirmed === true,
          createdAt: new Date(user.createdAt).toISOString(),
        },
        identities: user.provider ? [{ provider: user.provider }] : [],
        memberships: rows.filter((membership) => membership.state !== 'pending').map(entry),
        requests: rows.filter((membership) => membership.state === 'pending').map(entry),
      };
    },

    /** Deletes the account: memberships and requests, the private calendar, every session, then the account. */
    async remove(member: Member): Promise<void> {
      await service<Memberships>('memberships').removeAll(member.id);
      await service<MyCalendar>('my-calendar').remove(member.id);
      await service<Sessions>('sessions').endAll(member.id);
      await users().delete({ where: { id: member.id } });
    },
  };
}

export type AccountService = ReturnType<typeof createAccount>;
