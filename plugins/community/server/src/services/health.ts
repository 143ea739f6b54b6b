import type { Core } from '@strapi/strapi';

/** Reports whether the portal can serve: the database answers and the plugin is loaded. */
const health = ({ strapi }: { strapi: Core.Strapi }) => ({
  async check() {
    const started = Date.now();
    await strapi.db.connection.raw('select 1');
    return { status: 'ok' as const, database: strapi.db.dialect.client, databaseMs: Date.now() - started };
  },
});

export default health;
