import type { Core } from '@strapi/strapi';

type Event = { params?: { data?: Record<string, unknown>; where?: Record<string, unknown> }; result?: { id?: number } | null; state?: Record<string, unknown> };

/** Account fields the public API shows something of (coordinators' names on group pages). */
const PUBLIC_FIELDS = ['displayName', 'blocked'];

/**
 * Public reads are cached on the content version, which only writes to the portal's own
 * content change. A coordinator's new display name (or a blocked or deleted account)
 * changes what group pages show, so those account writes change the version too,
 * whether made in the admin or through the users-permissions services. Only
 * coordinators are named publicly: another member's name or deletion changes nothing there.
 */
export function followPublicFields(strapi: Core.Strapi) {
  const bump = () => strapi.plugin('community')?.service('content-version')?.bump();
  const touchesPublicFields = (event: Event) => PUBLIC_FIELDS.some((field) => field in (event.params?.data ?? {}));
  const coordinates = async (userId: unknown) =>
    typeof userId !== 'number' || (await strapi.db.query('api::membership.membership').count({ where: { role: 'coordinator', user: { id: userId } } })) > 0;
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.user'],
    async afterUpdate(event: Event) {
      if (touchesPublicFields(event) && (await coordinates(event.result?.id))) await bump();
    },
    async afterUpdateMany(event: Event) {
      if (touchesPublicFields(event)) await bump();
    },
    async beforeDelete(event: Event) {
      if (event.state) event.state.coordinated = await coordinates(event.params?.where?.id);
    },
    async afterDelete(event: Event) {
      if (event.state?.coordinated !== false) await bump();
    },
    async afterDeleteMany() {
      await bump();
    },
  });
}
