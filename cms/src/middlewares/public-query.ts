import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Guards the public read routes: only published content is served, and query
 * parameters that could reach drafts or search hidden fields are refused with a 400
 * that says which parameter is wrong. Unknown parameters are refused by Strapi's
 * strict-params check (config/api.ts).
 */
const REFUSED: Record<string, string> = {
  _q: 'full-text search (_q) is not available on this endpoint; use filters',
  publicationFilter: 'only published content is public',
  hasPublishedVersion: 'only published content is public',
  publicationState: 'only published content is public',
};

export default (_config: unknown, _ctx: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    const query = ctx.query as Record<string, unknown>;
    for (const [param, message] of Object.entries(REFUSED)) {
      if (param in query) throw new errors.ValidationError(message, { source: 'query', param });
    }
    if ('status' in query && query.status !== 'published') {
      throw new errors.ValidationError('status: only published content is public', { source: 'query', param: 'status' });
    }
    const pagination = query.pagination;
    if (pagination !== undefined) {
      if (typeof pagination !== 'object' || pagination === null || Array.isArray(pagination)) {
        throw new errors.ValidationError('pagination must be an object, e.g. pagination[page]=2', { source: 'query', param: 'pagination' });
      }
      for (const [key, value] of Object.entries(pagination)) {
        if (!['page', 'pageSize', 'start', 'limit', 'withCount'].includes(key)) {
          throw new errors.ValidationError(`pagination[${key}] is not a pagination parameter`, { source: 'query', param: 'pagination' });
        }
        if (key !== 'withCount' && !(typeof value === 'string' && /^\d{1,9}$/.test(value))) {
          throw new errors.ValidationError(`pagination[${key}] must be a whole number`, { source: 'query', param: 'pagination' });
        }
      }
    }
    await next();
  };
