import type { Core } from '@strapi/strapi';
import { getService } from './utils';

/** A feed being imported is finished before the database closes; no new one is started. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'feed-import').stop();
};

export default destroy;
