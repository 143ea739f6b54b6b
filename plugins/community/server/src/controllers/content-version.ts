import type { Core } from '@strapi/strapi';
import { getService } from '../utils';

/** The current content version, for readers (such as the website) that cache CMS answers keyed on it. */
const contentVersion = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { version: await getService(strapi, 'content-version').current() };
  },
});

export default contentVersion;
