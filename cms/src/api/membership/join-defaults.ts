import type { Core } from '@strapi/strapi';

/**
 * Groups and memberships stored before join policies and requests existed get the
 * defaults, open groups and active memberships, once: a new column starts empty.
 */
export async function backfillJoinDefaults(strapi: Core.Strapi) {
  const groups = (await strapi.db.query('api::group.group').updateMany({ where: { joinPolicy: null }, data: { joinPolicy: 'open' } })) as { count?: number };
  await strapi.db.query('api::membership.membership').updateMany({ where: { state: null }, data: { state: 'active' } });
  // Kept public answers showed those groups without a policy.
  if (groups.count) await strapi.plugin('community').service('content-version').bump();
}
