import type { Core } from '@strapi/strapi';
import { takeServed } from './served-relations';

/** What the public API tells about a coordinator: the name they chose to show, nothing else. */
export interface PublicCoordinator {
  name: string;
}

/** The `coordinators` field, as the API description states it. */
export const COORDINATORS_SCHEMA = {
  type: 'array',
  description:
    'Present when asked for with `populate=coordinators` (alone, in a list, as `populate[coordinators]=true`, or with `populate=*`): the display names of the group’s coordinators, longest-serving first — only people who set one.',
  items: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string' } } },
};

/**
 * Takes `coordinators` out of a group read's `populate` parameter (see takeServed);
 * a message when it was given options it does not have.
 */
export function takeCoordinators(populate: unknown): { wanted: boolean; rest: unknown } | string {
  return takeServed(populate, 'coordinators', 'coordinators are served as [{ "name": … }]');
}

interface CoordinatorRow {
  group: { documentId: string } | null;
  user: { id: number; displayName: string | null; blocked: boolean | null } | null;
}

/**
 * The public names of the coordinators of the given groups, longest-serving first, in one
 * query for the whole list. A coordinator without a display name, or whose account is
 * blocked, is left out: the public name is shown only when its owner set one.
 */
export async function coordinatorsOf(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, PublicCoordinator[]>> {
  const byGroup = new Map<string, PublicCoordinator[]>(documentIds.map((id) => [id, []]));
  if (!documentIds.length) return byGroup;
  const rows = (await strapi.db.query('api::membership.membership').findMany({
    where: {
      role: 'coordinator',
      // A request waiting for an answer is not a coordinator yet (rows from before requests existed have no status).
      $or: [{ state: 'active' }, { state: { $null: true } }],
      group: { documentId: { $in: documentIds } },
      user: { displayName: { $notNull: true, $ne: '' } },
    },
    select: ['id', 'joinedAt'],
    populate: { group: { select: ['documentId'] }, user: { select: ['id', 'displayName', 'blocked'] } },
    orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }],
  })) as CoordinatorRow[];
  // Someone holding the role twice in one group is named once.
  const seen = new Set<string>();
  for (const { group, user } of rows) {
    const name = user?.displayName?.trim();
    if (!group || !user || !name || user.blocked) continue;
    const key = `${group.documentId} ${user.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byGroup.get(group.documentId)?.push({ name });
  }
  return byGroup;
}
