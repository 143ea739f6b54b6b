import type { Core } from '@strapi/strapi';
import { getService } from './utils';

/** A feed being imported is finished before the database closes; no new one is started; the content version is no longer listened for. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'feed-import').stop();
  await getService(strapi, 'content-version').stopListening();
};

export default destroy;
