import type { Core } from '@strapi/strapi';

type Event = { params?: { data?: Record<string, unknown> } };

/** Account fields the public API shows something of (coordinators' names on group pages). */
const PUBLIC_FIELDS = ['displayName', 'blocked'];

/**
 * Public reads are cached on the content version, which only writes to the portal's own
 * content change. A coordinator's new display name (or a blocked or deleted account)
 * changes what group pages show, so those account writes change the version too,
 * whether made in the admin or through the users-permissions services.
 */
export function followPublicFields(strapi: Core.Strapi) {
  const bump = () => strapi.plugin('community')?.service('content-version')?.bump();
  const touchesPublicFields = (event: Event) => PUBLIC_FIELDS.some((field) => field in (event.params?.data ?? {}));
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.user'],
    async afterUpdate(event: Event) {
      if (touchesPublicFields(event)) await bump();
    },
    async afterUpdateMany(event: Event) {
      if (touchesPublicFields(event)) await bump();
    },
    async afterDelete() {
      await bump();
    },
    async afterDeleteMany() {
      await bump();
    },
  });
}
