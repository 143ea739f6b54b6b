import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readFeedQuery } from '../calendar/calendar-query';
import { answerFeed } from '../http/feed-response';
import { getService } from '../utils';

const ATOM = 'application/atom+xml; charset=utf-8';

function query(ctx: any) {
  const read = readFeedQuery(ctx.query, { filters: false });
  if (typeof read === 'string') throw new errors.ValidationError(read);
  return read;
}

/** The feed's own public address, for its rel="self" link: the CMS's configured address, never the Host it was asked by. */
function selfUrl(strapi: Core.Strapi, ctx: any): string {
  const base = strapi.config.get('server.absoluteUrl') as string;
  return `${String(base).replace(/\/+$/, '')}${ctx.url}`;
}

/** Atom feeds of community activity: everyone's, and one group's. */
const activityFeed = ({ strapi }: { strapi: Core.Strapi }) => ({
  async community(ctx: any) {
    const feed = await getService(strapi, 'activity-feed').community(query(ctx), selfUrl(strapi, ctx));
    answerFeed(ctx, feed, { type: ATOM, filename: 'activity.atom' });
  },

  async group(ctx: any) {
    const { slug } = ctx.params as { slug: string };
    const feed = await getService(strapi, 'activity-feed').group(slug, query(ctx), selfUrl(strapi, ctx));
    if (!feed) throw new errors.NotFoundError(`No published group has the slug "${slug}".`);
    answerFeed(ctx, feed, { type: ATOM, filename: `${slug}-activity.atom` });
  },
});

export default activityFeed;
