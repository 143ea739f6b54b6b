import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils';

/** `GET /openapi.json`: the OpenAPI description of the public API. */
const apiDescription = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    const unknown = Object.keys(ctx.query ?? {});
    if (unknown.length) throw new errors.ValidationError(`Unknown query parameter(s): ${unknown.join(', ')}. This route takes none.`);
    ctx.body = await getService(strapi, 'api-description').document();
  },
});

export default apiDescription;
