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
  group: string;
  user: number;
  name: string | null;
  blocked: boolean | number | null;
}

type Meta = { tableName: string; attributes: Record<string, { columnName?: string; joinTable?: JoinTable }> };
type JoinTable = { name: string; joinColumn: { name: string; referencedColumn: string }; inverseJoinColumn: { name: string; referencedColumn: string } };

/**
 * The public names of the coordinators of the given groups, longest-serving first, in one
 * query for the whole list (memberships joined to their groups and accounts). A coordinator
 * without a display name, or whose account is blocked, is left out: the public name is shown
 * only when its owner set one.
 */
export async function coordinatorsOf(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, PublicCoordinator[]>> {
  const byGroup = new Map<string, PublicCoordinator[]>(documentIds.map((id) => [id, []]));
  if (!documentIds.length) return byGroup;
  const meta = (uid: string) => strapi.db.metadata.get(uid as any) as unknown as Meta;
  const [membership, group, user] = [meta('api::membership.membership'), meta('api::group.group'), meta('plugin::users-permissions.user')];
  const column = (of: Meta, alias: string, name: string) => `${alias}.${of.attributes[name]?.columnName ?? name}`;
  const schema = strapi.db.getSchemaName();
  const table = (name: string, alias: string) => `${schema ? `${schema}.` : ''}${name} as ${alias}`;
  const toGroup = membership.attributes.group!.joinTable!;
  const toUser = membership.attributes.user!.joinTable!;
  const role = column(membership, 'm', 'role');
  const state = column(membership, 'm', 'state');
  const displayName = column(user, 'u', 'displayName');
  const rows = (await strapi.db
    .connection(table(membership.tableName, 'm'))
    .join(table(toGroup.name, 'mg'), `mg.${toGroup.joinColumn.name}`, `m.${toGroup.joinColumn.referencedColumn}`)
    .join(table(group.tableName, 'g'), `g.${toGroup.inverseJoinColumn.referencedColumn}`, `mg.${toGroup.inverseJoinColumn.name}`)
    .join(table(toUser.name, 'mu'), `mu.${toUser.joinColumn.name}`, `m.${toUser.joinColumn.referencedColumn}`)
    .join(table(user.tableName, 'u'), `u.${toUser.inverseJoinColumn.referencedColumn}`, `mu.${toUser.inverseJoinColumn.name}`)
    .where(role, 'coordinator')
    // A request waiting for an answer is not a coordinator yet (rows from before requests existed have no status).
    .where((where) => where.where(state, 'active').orWhereNull(state))
    .whereIn(column(group, 'g', 'documentId'), documentIds)
    .whereNotNull(displayName)
    .where(displayName, '<>', '')
    .select({ group: column(group, 'g', 'documentId'), user: 'u.id', name: displayName, blocked: column(user, 'u', 'blocked') })
    .orderBy([
      { column: column(membership, 'm', 'joinedAt'), order: 'asc' },
      { column: 'm.id', order: 'asc' },
    ])) as CoordinatorRow[];
  // Someone holding the role twice in one group is named once.
  const seen = new Set<string>();
  for (const row of rows) {
    const name = row.name?.trim();
    if (!name || row.blocked) continue;
    const key = `${row.group} ${row.user}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byGroup.get(row.group)?.push({ name });
  }
  return byGroup;
}
