import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readFeedQuery, type FeedQuery } from '../calendar/calendar-query';
import { answerFeed } from '../http/feed-response';
import { getService } from '../utils';

const CALENDAR = 'text/calendar; charset=utf-8';

function query(ctx: any, filters: boolean): FeedQuery {
  const read = readFeedQuery(ctx.query, { filters });
  if (typeof read === 'string') throw new errors.ValidationError(read);
  return read;
}

/** iCalendar feeds: a group's, the community's (with filters) and one event's. */
const calendar = ({ strapi }: { strapi: Core.Strapi }) => ({
  async group(ctx: any) {
    const { slug } = ctx.params as { slug: string };
    const file = await getService(strapi, 'calendar').group(slug, query(ctx, false));
    if (!file) throw new errors.NotFoundError(`No published group has the slug "${slug}".`);
    answerFeed(ctx, file, { type: CALENDAR, filename: `${slug}.ics` });
  },

  async community(ctx: any) {
    const file = await getService(strapi, 'calendar').community(query(ctx, true));
    answerFeed(ctx, file, { type: CALENDAR, filename: 'community.ics' });
  },

  async event(ctx: any) {
    const { documentId } = ctx.params as { documentId: string };
    const file = await getService(strapi, 'calendar').event(documentId, query(ctx, false));
    if (!file) throw new errors.NotFoundError(`No published event has the id "${documentId}".`);
    answerFeed(ctx, file, { type: CALENDAR, filename: `${documentId}.ics` });
  },
});

export default calendar;
