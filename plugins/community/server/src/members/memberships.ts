import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, isSlug, readLocaleParam, type LocaleRequest, type OccurrenceRow } from '@chapterhouse/config';
import type { OccurrenceQuery } from '../calendar/occurrence-query';
import type { Member } from './sessions';

const MEMBERSHIP = 'api::membership.membership';
const GROUP = 'api::group.group';
const USER = 'plugin::users-permissions.user';

/** How many of each group's next events "my groups" lists. */
export const NEXT_EVENTS = 3;

export type JoinPolicy = 'open' | 'approval';
export type MembershipStatus = 'active' | 'pending';

export interface PublicGroup {
  documentId: string;
  slug: string;
  name: string;
  joinPolicy: JoinPolicy;
}

interface MembershipRow {
  id: number;
  documentId: string;
  role: 'member' | 'coordinator';
  /** Rows written before requests existed have none: they are memberships. */
  state: MembershipStatus | null;
  wantsEmail: boolean | null;
  joinedAt: string | Date;
  group: { documentId: string } | null;
  user?: { id: number; username: string; displayName: string | null } | null;
}

export interface MyGroup {
  group: { slug: string; name: string; joinPolicy: JoinPolicy };
  role: 'member' | 'coordinator';
  status: MembershipStatus;
  wantsEmail: boolean;
  joinedAt: string;
  nextEvents: OccurrenceRow[];
}

export interface PendingRequest {
  documentId: string;
  group: { slug: string; name: string };
  member: { username: string; displayName: string | null };
  requestedAt: string;
}

const statusOf = (row: { state: MembershipStatus | null }): MembershipStatus => row.state ?? 'active';
const iso = (value: string | Date) => new Date(value).toISOString();
/** A Strapi documentId: 24 lower-case letters and digits. */
const DOCUMENT_ID = /^[a-z0-9]{24}$/;

/** Active memberships, including those of rows from before the status existed. */
const ACTIVE = { $or: [{ state: 'active' }, { state: { $null: true } }] };

/**
 * Members' own memberships: joining a group (at once, or as a request when the group asks
 * for approval), leaving it, the e-mail choice, and coordinators' answers to requests.
 * Writes go through the Document Service, so that a change a group page shows (a
 * coordinator's membership) renews the public caches and any other does not.
 */
export function createMemberships(strapi: Core.Strapi) {
  const memberships = () => strapi.db.query(MEMBERSHIP);
  const documents = () => strapi.documents(MEMBERSHIP as any) as any;

  /** Published groups by documentId or slug, as their public pages show them. */
  async function publishedGroups(where: Record<string, unknown>): Promise<PublicGroup[]> {
    const rows = (await strapi.db.query(GROUP).findMany({
      select: ['documentId', 'slug', 'name', 'joinPolicy'],
      where: { ...where, locale: DEFAULT_LOCALE, publishedAt: { $notNull: true } },
    })) as (PublicGroup & { joinPolicy: JoinPolicy | null })[];
    return rows.map((row) => ({ ...row, joinPolicy: row.joinPolicy ?? 'open' }));
  }

  /** E-mail/password accounts join once their address is confirmed; accounts that sign in through a provider at once. */
  async function mayJoin(member: Member): Promise<boolean> {
    if (member.confirmed) return true;
    return (await strapi.db.query('plugin::community.identity' as any).count({ where: { user: { id: member.id } } })) > 0;
  }

  async function groupBySlug(slug: unknown): Promise<PublicGroup> {
    if (!isSlug(slug)) {
      throw new errors.ValidationError('"group" must be a group\'s slug (lower-case letters, digits and hyphens).');
    }
    const [group] = await publishedGroups({ slug });
    if (!group) throw new errors.NotFoundError(`No published group has the slug "${slug}".`);
    return group;
  }

  async function membershipsOf(userId: number, groupDocumentId?: string): Promise<MembershipRow[]> {
    return (await memberships().findMany({
      where: { user: { id: userId }, ...(groupDocumentId ? { group: { documentId: groupDocumentId } } : {}) },
      select: ['id', 'documentId', 'role', 'state', 'wantsEmail', 'joinedAt'],
      populate: { group: { select: ['documentId'] } },
      orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }],
    })) as MembershipRow[];
  }

  /** Of someone's rows in one group, the one that counts: an active coordinator's, else an active member's, else the first. */
  function bestOf(rows: MembershipRow[]): MembershipRow {
    return rows.find((row) => row.role === 'coordinator' && statusOf(row) === 'active') ?? rows.find((row) => statusOf(row) === 'active') ?? rows[0]!;
  }

  /** A member's standing in a group, as the API gives it: the group and the row that counts of their rows in it. */
  function standing(group: PublicGroup, rows: MembershipRow[]): Omit<MyGroup, 'nextEvents'> {
    const best = bestOf(rows);
    return {
      group: { slug: group.slug, name: group.name, joinPolicy: group.joinPolicy },
      role: best.role,
      status: statusOf(best),
      wantsEmail: best.wantsEmail !== false,
      joinedAt: iso(best.joinedAt),
    };
  }

  async function mine(member: Member, slug: string): Promise<{ group: PublicGroup; rows: MembershipRow[] }> {
    const group = await groupBySlug(slug);
    const rows = await membershipsOf(member.id, group.documentId);
    if (!rows.length) throw new errors.NotFoundError(`You are not a member of "${slug}" and have not asked to join it.`);
    return { group, rows };
  }

  /** Documents of the groups the member coordinates (an active coordinator's membership). */
  async function coordinated(userId: number): Promise<string[]> {
    const rows = (await memberships().findMany({
      where: { user: { id: userId }, role: 'coordinator', ...ACTIVE },
      select: ['id'],
      populate: { group: { select: ['documentId'] } },
    })) as MembershipRow[];
    return [...new Set(rows.flatMap((row) => (row.group ? [row.group.documentId] : [])))];
  }

  async function pendingRequest(member: Member, documentId: unknown): Promise<MembershipRow> {
    const refused = new errors.NotFoundError('No pending request with this id in a group you coordinate.');
    if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId)) throw refused;
    const row = (await memberships().findOne({
      where: { documentId, state: 'pending' },
      select: ['id', 'documentId', 'role', 'state', 'joinedAt'],
      populate: { group: { select: ['documentId'] } },
    })) as MembershipRow | null;
    if (!row?.group || !(await coordinated(member.id)).includes(row.group.documentId)) throw refused;
    return row;
  }

  return {
    groupBySlug,
    membershipsOf,

    /** Slugs of the published groups the member belongs to (requests left out). */
    async activeGroupSlugs(userId: number): Promise<string[]> {
      const ids = (await membershipsOf(userId)).filter((row) => statusOf(row) === 'active' && row.group).map((row) => row.group!.documentId);
      if (!ids.length) return [];
      return (await publishedGroups({ documentId: { $in: [...new Set(ids)] } })).map((group) => group.slug).sort();
    },

    mayJoin,

    /** The language the member chose, as a locale request (the default one when none). */
    async chosenLocale(member: Member): Promise<LocaleRequest> {
      const account = (await strapi.db.query(USER).findOne({ where: { id: member.id }, select: ['preferredLocale'] })) as { preferredLocale: string | null } | null;
      const read = readLocaleParam(account?.preferredLocale ?? undefined);
      return (typeof read === 'string' ? readLocaleParam(undefined) : read) as LocaleRequest;
    },

    /**
     * The member's groups and requests, by group name, each with its next events in `locale`
     * (the page's language, as read by readLocaleParam) or else the member's chosen language.
     */
    async myGroups(member: Member, pageLocale?: LocaleRequest): Promise<MyGroup[]> {
      const rows = await membershipsOf(member.id);
      const ids = [...new Set(rows.flatMap((row) => (row.group ? [row.group.documentId] : [])))];
      if (!ids.length) return [];
      const groups = new Map((await publishedGroups({ documentId: { $in: ids } })).map((group) => [group.documentId, group]));
      const occurrences = strapi.plugin('community').service('occurrences') as { list(query: OccurrenceQuery): Promise<{ data: OccurrenceRow[] }> };
      const locale = pageLocale ?? (await this.chosenLocale(member));
      const now = new Date();
      const seen = new Set<string>();
      const mineByGroup = rows.filter((row) => {
        // Someone holding two memberships of a group (a member and a coordinator) sees it once, under the higher role.
        if (!row.group || !groups.has(row.group.documentId) || seen.has(row.group.documentId)) return false;
        seen.add(row.group.documentId);
        return true;
      });
      const answer = await Promise.all(
        mineByGroup.map(async (row) => {
          const group = groups.get(row.group!.documentId)!;
          const next = await occurrences.list({ locale, filters: {}, page: 1, pageSize: NEXT_EVENTS, distinct: true, group: group.slug, from: now, to: null, descending: false });
          return { ...standing(group, rows.filter((other) => other.group?.documentId === group.documentId)), nextEvents: next.data };
        }),
      );
      return answer.sort((a, b) => a.group.name.localeCompare(b.group.name) || a.group.slug.localeCompare(b.group.slug));
    },

    /** The member's membership of one group (or request to join it), without its events: null when there is none. */
    async membershipIn(member: Member, slug: unknown): Promise<Omit<MyGroup, 'nextEvents'> | null> {
      const group = await groupBySlug(slug);
      const rows = await membershipsOf(member.id, group.documentId);
      if (!rows.length) return null;
      return standing(group, rows);
    },

    /**
     * Joins a group, or asks to when it wants approval. An account made with an e-mail
     * address and password joins once that address is confirmed; one that signs in through
     * an outside provider (which vouched for the person) joins at once.
     */
    async join(member: Member, slug: unknown): Promise<{ status: MembershipStatus } | { conflict: string } | { forbidden: string }> {
      const group = await groupBySlug(slug);
      if (!(await mayJoin(member))) {
        return { forbidden: 'Confirm your e-mail address first: the link is in the message sent when you registered.' };
      }
      const existing = await membershipsOf(member.id, group.documentId);
      if (existing.length) {
        const pending = existing.every((row) => statusOf(row) === 'pending');
        return { conflict: pending ? `You have asked to join "${group.slug}" already: a coordinator will answer.` : `You are a member of "${group.slug}" already.` };
      }
      const status: MembershipStatus = group.joinPolicy === 'approval' ? 'pending' : 'active';
      const created = (await documents().create({
        data: { user: member.documentId, group: group.documentId, role: 'member', state: status, joinedAt: new Date().toISOString(), wantsEmail: true },
      })) as { documentId: string };
      // Two joins at once (a form sent twice) both pass the check above: the later one takes itself back.
      const rows = await membershipsOf(member.id, group.documentId);
      const first = rows.reduce((earliest, row) => (row.id < earliest.id ? row : earliest), rows[0]!);
      if (rows.length > 1 && first.documentId !== created.documentId) {
        await documents().delete({ documentId: created.documentId });
        return { conflict: status === 'pending' ? `You have asked to join "${group.slug}" already: a coordinator will answer.` : `You are a member of "${group.slug}" already.` };
      }
      return { status };
    },

    /** Whether the member wants the group's e-mail. */
    async setWantsEmail(member: Member, slug: string, wantsEmail: boolean): Promise<void> {
      const { rows } = await mine(member, slug);
      for (const row of rows) await documents().update({ documentId: row.documentId, data: { wantsEmail } });
    },

    /** Leaves a group, or withdraws a request to join it. */
    async leave(member: Member, slug: string): Promise<void> {
      const { rows } = await mine(member, slug);
      for (const row of rows) await documents().delete({ documentId: row.documentId });
    },

    /** Pending requests to join the groups the member coordinates, oldest first. */
    async requests(member: Member): Promise<PendingRequest[]> {
      const ids = await coordinated(member.id);
      if (!ids.length) return [];
      const groups = new Map((await publishedGroups({ documentId: { $in: ids } })).map((group) => [group.documentId, group]));
      const rows = (await memberships().findMany({
        where: { state: 'pending', group: { documentId: { $in: ids } } },
        select: ['id', 'documentId', 'joinedAt'],
        populate: { group: { select: ['documentId'] }, user: { select: ['id', 'username', 'displayName'] } },
        orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }],
      })) as MembershipRow[];
      return rows.flatMap((row) => {
        const group = row.group && groups.get(row.group.documentId);
        if (!group || !row.user) return [];
        return [
          {
            documentId: row.documentId,
            group: { slug: group.slug, name: group.name },
            member: { username: row.user.username, displayName: row.user.displayName || null },
            requestedAt: iso(row.joinedAt),
          },
        ];
      });
    },

    /** A coordinator lets a request in: the person is a member from now on. */
    async approve(member: Member, documentId: unknown): Promise<void> {
      const row = await pendingRequest(member, documentId);
      await documents().update({ documentId: row.documentId, data: { state: 'active', joinedAt: new Date().toISOString() } });
    },

    /** A coordinator turns a request down: it is removed, and the person may ask again. */
    async decline(member: Member, documentId: unknown): Promise<void> {
      const row = await pendingRequest(member, documentId);
      await documents().delete({ documentId: row.documentId });
    },

    /** Removes every membership and request of an account (its deletion). */
    async removeAll(userId: number): Promise<void> {
      for (const row of await membershipsOf(userId)) await documents().delete({ documentId: row.documentId });
    },
  };
}

export type Memberships = ReturnType<typeof createMemberships>;
