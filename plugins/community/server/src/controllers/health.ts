import type { Core } from '@strapi/strapi';
import { getService } from '../utils';

const health = ({ strapi }: { strapi: Core.Strapi }) => ({
  async index(ctx: any) {
    const result = await getService(strapi, 'health').check();
    ctx.set('Cache-Control', 'no-store');
    ctx.status = result.status === 'ok' ? 200 : 503;
    ctx.body = result;
  },
});

export default health;
