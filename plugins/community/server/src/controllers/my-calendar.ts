import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readFeedQuery, type FeedQuery } from '../calendar/calendar-query';
import { cachedRepresentation, sendCached } from '../http/cached-representation';
import type { Member } from '../members/sessions';
import { getService } from '../utils';

/** Calendar applications check again with the ETag each time: a renewed address is dead at once, a left group gone. */
const PRIVATE_FEED = 'private, no-cache';

/** A member's private calendar: its address (made on first demand, renewable) and the feed at that address. */
const myCalendar = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    ctx.body = { data: { url: await getService(strapi, 'my-calendar').address((ctx.state.member as Member).id) } };
  },

  async renew(ctx: any) {
    ctx.body = { data: { url: await getService(strapi, 'my-calendar').renew((ctx.state.member as Member).id) } };
  },

  async feed(ctx: any) {
    const match = /^([A-Za-z0-9_-]+)\.ics$/.exec(String(ctx.params.file ?? ''));
    const gone = new errors.NotFoundError('No calendar at this address: it may have been renewed.');
    if (!match) throw gone;
    const unknown = Object.keys(ctx.query ?? {});
    if (unknown.length) throw new errors.ValidationError(`Unknown query parameter(s): ${unknown.join(', ')}. The calendar takes none: it speaks the member's chosen language.`);
    const file = await getService(strapi, 'my-calendar').file(match[1]!, (preferred) => {
      const read = readFeedQuery(preferred ? { locale: preferred } : {}, { filters: false });
      return typeof read === 'string' ? (readFeedQuery({}, { filters: false }) as FeedQuery) : read;
    });
    if (!file) throw gone;
    ctx.set('Content-Disposition', 'inline; filename="my-groups.ics"');
    sendCached(ctx, cachedRepresentation(file.text), { type: 'text/calendar; charset=utf-8', cacheControl: PRIVATE_FEED });
  },
});

export default myCalendar;
