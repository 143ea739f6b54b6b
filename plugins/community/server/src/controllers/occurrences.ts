import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readOccurrenceQuery } from '../calendar/occurrence-query';
import { getService } from '../utils';

/** `GET /occurrences`: every occurrence of the community calendar's events in a window. */
const occurrences = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    const query = readOccurrenceQuery(ctx.query);
    if (typeof query === 'string') throw new errors.ValidationError(query);
    ctx.body = await getService(strapi, 'occurrences').list(query);
  },
});

export default occurrences;
