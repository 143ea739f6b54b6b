import type { Core } from '@strapi/strapi';
import { sendCached } from '../http/cached-representation';
import { getService } from '../utils';

const geojson = ({ strapi }: { strapi: Core.Strapi }) => ({
  async groups(ctx: any) {
    sendCached(ctx, await getService(strapi, 'geojson').groups(), {
      type: 'application/geo+json',
      cacheControl: 'public, max-age=60',
    });
  },
});

export default geojson;
