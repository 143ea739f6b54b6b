import type { Core } from '@strapi/strapi';

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

type Populate = unknown;

const YES = new Set([true, 'true', '*']);

/**
 * Takes `coordinators` out of a group read's `populate` parameter, in each form Strapi
 * accepts (`coordinators`, `region,coordinators`, `[…, 'coordinators']`,
 * `{ coordinators: true }`); `*` asks for it too and stays for the real relations.
 * Returns what is left for Strapi to validate, whether coordinators were asked for,
 * or a message when `coordinators` was given options it does not have.
 */
export function takeCoordinators(populate: Populate): { wanted: boolean; rest: Populate } | string {
  if (populate === undefined || populate === null) return { wanted: false, rest: populate };
  if (typeof populate === 'string') {
    const names = populate.split(',').map((name) => name.trim());
    if (names.includes('*')) return { wanted: true, rest: populate };
    if (!names.includes('coordinators')) return { wanted: false, rest: populate };
    const rest = names.filter((name) => name !== 'coordinators');
    return { wanted: true, rest: rest.length ? rest.join(',') : undefined };
  }
  if (Array.isArray(populate)) {
    if (populate.includes('*')) return { wanted: true, rest: populate };
    if (!populate.includes('coordinators')) return { wanted: false, rest: populate };
    const rest = populate.filter((name) => name !== 'coordinators');
    return { wanted: true, rest: rest.length ? rest : undefined };
  }
  if (typeof populate === 'object') {
    const { coordinators, ...rest } = populate as Record<string, unknown>;
    if (coordinators === undefined) return { wanted: false, rest: populate };
    if (!YES.has(coordinators as string | boolean)) {
      return 'populate[coordinators] takes no options: coordinators are served as [{ "name": … }]; use populate[coordinators]=true';
    }
    return { wanted: true, rest: Object.keys(rest).length ? rest : undefined };
  }
  return { wanted: false, rest: populate };
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
