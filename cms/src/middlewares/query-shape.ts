import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkQueryShape } from '../validation/query-shape';

/**
 * Refuses content-API queries whose filters, populate, sort or fields are malformed or
 * too large (see validation/query-shape.ts) with a 400 naming the parameter, before
 * any route handler sees them.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    if (ctx.path.startsWith('/api/') && ctx.querystring) {
      const problem = checkQueryShape(ctx.query as Record<string, unknown>);
      if (problem) throw new errors.ValidationError(problem.message, { source: 'query', param: problem.param });
    }
    await next();
  };
