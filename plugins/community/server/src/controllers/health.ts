import type { Core } from '@strapi/strapi';
import { getService } from '../utils';

const health = ({ strapi }: { strapi: Core.Strapi }) => ({
  async index(ctx: any) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await getService(strapi, 'health').check();
  },
});

export default health;
