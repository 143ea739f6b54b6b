import type { Core } from '@strapi/strapi';

/** What an anonymous visitor may do through the content API: read public content, apply to start a group. */
export const PUBLIC_ACTIONS = [
  'api::group.group.find',
  'api::group.group.findOne',
  'api::event.event.find',
  'api::event.event.findOne',
  'api::resource.resource.find',
  'api::resource.resource.findOne',
  'api::page.page.find',
  'api::page.page.findOne',
  'api::region.region.find',
  'api::region.region.findOne',
  'api::group-application.group-application.create',
];

const PERMISSION = 'plugin::users-permissions.permission';

/**
 * Gives the public role exactly the actions above on the portal's own content and
 * plugin: missing ones are granted, any other grant on them is withdrawn. The
 * users-permissions sign-in routes are left as that plugin configures them.
 */
export async function ensurePublicPermissions(strapi: Core.Strapi) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions public role is missing');
  const granted: { id: number; action: string }[] = await strapi.db
    .query(PERMISSION)
    .findMany({ where: { role: role.id }, select: ['id', 'action'] });

  const ours = (action: string) => action.startsWith('api::') || action.startsWith('plugin::community.');
  const stray = granted.filter((p) => ours(p.action) && !PUBLIC_ACTIONS.includes(p.action));
  if (stray.length) await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: stray.map((p) => p.id) } } });

  for (const action of PUBLIC_ACTIONS) {
    if (!granted.some((p) => p.action === action)) {
      await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
    }
  }
}
