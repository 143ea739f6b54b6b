import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils';

/** Feed health for editors (admin API, `status`) and integrators (content API with a token, `find`): the same data. */
const feeds = ({ strapi }: { strapi: Core.Strapi }) => ({
  async status(ctx: any) {
    ctx.body = { data: await getService(strapi, 'feed-import').status() };
  },

  // Named `find` because Strapi's read-only API tokens may call only actions named find or findOne.
  async find(ctx: any) {
    ctx.body = { data: await getService(strapi, 'feed-import').status() };
  },

  async latestRun(ctx: any) {
    ctx.body = { data: await getService(strapi, 'feed-import').latestRun() };
  },

  /** Starts an import of every feed, or of one (`{ feed: id }`), and answers at once; progress is polled. */
  async importNow(ctx: any) {
    const body = (ctx.request.body ?? {}) as { feed?: unknown };
    if (body.feed !== undefined && !(Number.isInteger(body.feed) && (body.feed as number) > 0)) {
      throw new errors.ValidationError('"feed" must be the id of a feed (a positive integer), or left out to import every feed.');
    }
    const service = getService(strapi, 'feed-import');
    const only = body.feed === undefined ? undefined : [body.feed as number];
    if (only && !(await service.status()).some((feed) => feed.id === only[0])) {
      throw new errors.NotFoundError(`There is no feed with id ${only[0]}.`);
    }
    const started = service.start(only ? { only } : { force: true });
    ctx.status = 202;
    ctx.body = { data: await started };
  },
});

export default feeds;
