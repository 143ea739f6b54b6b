import type { Core } from '@strapi/strapi';

/** Reports whether the portal can serve: the database answers and the plugin is loaded. Nothing about the setup is disclosed. */
const health = ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(): Promise<{ status: 'ok' | 'unavailable' }> {
    try {
      await strapi.db.connection.raw('select 1');
      return { status: 'ok' };
    } catch (error) {
      strapi.log.error(`Health check: the database does not answer: ${(error as Error).message}`);
      return { status: 'unavailable' };
    }
  },
});

export default health;
