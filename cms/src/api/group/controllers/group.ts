import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, readLocaleParam } from '@chapterhouse/config';
import { checkedQuery } from '../../../localization/checked-query';
import { localizedReadActions } from '../../../localization/localized-controller';
import { coordinatorsOf, takeCoordinators } from '../coordinators';
import { boxFilter, nearest, parseNear, type LatLng, type Placed } from '../nearby';
import { eventsOfGroups, EVENTS_SERVED } from '../group-events';
import { NEWEST_IMPORTED } from '../imported';
import { takeServed } from '../served-relations';

type Ctx = Parameters<ReturnType<typeof localizedReadActions>['find']>[0];
type Doc = { documentId: string; [key: string]: unknown };
type Served = { data: Doc | Doc[] | null; meta?: Record<string, unknown> };

const UID = 'api::group.group';

const SERVED = {
  posts: 'posts are served as the group\'s newest imported posts, as /api/community/posts gives them',
  photos: 'photos are served as the group\'s newest imported photos, as /api/community/photos gives them',
  upcomingEvents: `upcomingEvents are served as the group's next ${EVENTS_SERVED} events, each at its next occurrence, as /api/community/occurrences?distinct=event gives them`,
  pastEvents: `pastEvents are served as the group's last ${EVENTS_SERVED} events, each at its last occurrence, as /api/community/occurrences?distinct=event&sort=start:desc gives them`,
} as const;
/** Lists whose cost grows with the group's events: only given when named, not for `populate=*`. */
const NAMED_ONLY = new Set(['upcomingEvents', 'pastEvents']);

const docsOf = (served: Served): Doc[] => (served.data === null ? [] : Array.isArray(served.data) ? served.data : [served.data]);

function whole(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(number) || number < min || number > max) {
    throw new errors.ValidationError(`pagination[${name}] must be a whole number from ${min} to ${max}`, { source: 'query', param: 'pagination' });
  }
  return number;
}

/** The slice a list asks for, as Strapi reads `pagination` (by page or by start and limit). */
function sliceOf(pagination: unknown): { start: number; limit: number; byPage: boolean } {
  const p = (pagination ?? {}) as Record<string, unknown>;
  if (p.start !== undefined || p.limit !== undefined) {
    return { start: whole(p.start, 'start', 0, 1e9) ?? 0, limit: whole(p.limit, 'limit', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE, byPage: false };
  }
  const page = whole(p.page, 'page', 1, 1e9) ?? 1;
  const pageSize = whole(p.pageSize, 'pageSize', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
  return { start: (page - 1) * pageSize, limit: pageSize, byPage: true };
}

/**
 * The localized reads, plus what the portal serves with a group that Strapi's populate
 * cannot: `populate=coordinators` (the public names of its coordinators), `populate=posts`
 * and `populate=photos` (its newest imported posts and photos), `populate=upcomingEvents`
 * and `populate=pastEvents` (its events at their next and last occurrences), and `near=lat,lng`, which
 * orders a list by distance from a point and gives each group its `distanceKm`.
 */
export default factories.createCoreController(UID, ({ strapi }) => {
  const reads = localizedReadActions(strapi, UID);
  const documents = () => strapi.documents(UID as any);

  /** Takes the served lists out of `populate` before Strapi validates the rest; says which were asked for. */
  function servedWanted(ctx: Ctx) {
    const query = ctx.query as Record<string, unknown>;
    let populate = query.populate;
    const wanted = { coordinators: false, posts: false, photos: false, upcomingEvents: false, pastEvents: false };
    for (const name of Object.keys(wanted) as (keyof typeof wanted)[]) {
      const taken = name === 'coordinators' ? takeCoordinators(populate) : takeServed(populate, name, SERVED[name], { byStar: !NAMED_ONLY.has(name) });
      if (typeof taken === 'string') throw new errors.ValidationError(taken, { source: 'query', param: 'populate' });
      wanted[name] = taken.wanted;
      populate = taken.rest;
    }
    if (populate !== query.populate) {
      const { populate: _populate, ...others } = query;
      ctx.query = populate === undefined ? others : { ...others, populate };
    }
    return wanted;
  }

  async function addServed(ctx: Ctx, served: Served, wanted: ReturnType<typeof servedWanted>) {
    const docs = docsOf(served);
    if (!docs.length) return;
    const ids = docs.map((doc) => doc.documentId);
    const items = strapi.plugin('community').service('imported-items');
    const [coordinators, posts, photos, events] = await Promise.all([
      wanted.coordinators ? coordinatorsOf(strapi, ids) : null,
      wanted.posts ? items.newestOfGroups('post', ids, NEWEST_IMPORTED) : null,
      wanted.photos ? items.newestOfGroups('photo', ids, NEWEST_IMPORTED) : null,
      wanted.upcomingEvents || wanted.pastEvents ? eventsOfGroups(strapi, docs, (ctx.query as { locale?: unknown }).locale, wanted) : null,
    ]);
    for (const doc of docs) {
      if (coordinators) doc.coordinators = coordinators.get(doc.documentId) ?? [];
      if (posts) doc.posts = posts.get(doc.documentId) ?? [];
      if (photos) doc.photos = photos.get(doc.documentId) ?? [];
      if (events && wanted.upcomingEvents) doc.upcomingEvents = events.upcoming.get(doc.documentId) ?? [];
      if (events && wanted.pastEvents) doc.pastEvents = events.past.get(doc.documentId) ?? [];
    }
    // Which events are upcoming and which past changes with the clock, not only with the content.
    if (events && Number.isFinite(events.freshUntil)) (ctx.state as { freshUntil?: number }).freshUntil = events.freshUntil;
  }

  /** Takes `near` out of the query; the point, or undefined when not asked. */
  function nearWanted(ctx: Ctx): LatLng | undefined {
    const query = ctx.query as Record<string, unknown>;
    if (!('near' in query)) return undefined;
    const point = parseNear(query.near);
    if (typeof point === 'string') throw new errors.ValidationError(point, { source: 'query', param: 'near' });
    if ('sort' in query) {
      throw new errors.ValidationError('near orders the list by distance: leave sort out', { source: 'query', param: 'sort' });
    }
    const { near: _near, ...others } = query;
    ctx.query = others;
    return point;
  }

  /**
   * One slice of the groups matching the query's filters, nearest first, then those without
   * coordinates by name. The database narrows each round to a bounding box on the indexed
   * coordinates; only the groups inside it are measured. The slice is then read like any list,
   * in the requested locale.
   */
  async function findNear(this: any, ctx: Ctx, center: LatLng): Promise<Served> {
    const query = ctx.query as Record<string, unknown>;
    const { start, limit, byPage } = sliceOf(query.pagination);
    const sanitized = (await checkedQuery(strapi, UID, ctx)) as { filters?: Record<string, unknown> };
    const filters = sanitized.filters ?? {};
    const base = { locale: DEFAULT_LOCALE, status: 'published' } as const;
    const placedFilter = { latitude: { $notNull: true }, longitude: { $notNull: true } };
    const unplacedFilter = { $or: [{ latitude: { $null: true } }, { longitude: { $null: true } }] };
    const [placed, unplaced] = await Promise.all([
      documents().count({ ...base, filters: { $and: [filters, placedFilter] } } as any),
      documents().count({ ...base, filters: { $and: [filters, unplacedFilter] } } as any),
    ]);
    const total = placed + unplaced;
    const ranked = await nearest(center, start + limit, placed, async (box) =>
      (await documents().findMany({
        ...base,
        filters: { $and: [filters, placedFilter, boxFilter(box)] },
        fields: ['documentId', 'name', 'latitude', 'longitude'],
      } as any)) as unknown as Placed[],
    );
    const page: { documentId: string; distanceKm?: number }[] = ranked.slice(start, start + limit);
    if (page.length < limit && start + page.length < total) {
      const rest = (await documents().findMany({
        ...base,
        filters: { $and: [filters, unplacedFilter] },
        fields: ['documentId'],
        sort: [{ name: 'asc' }, { documentId: 'asc' }],
        start: Math.max(0, start - placed),
        limit: limit - page.length,
      } as any)) as unknown as { documentId: string }[];
      page.push(...rest);
    }
    const pagination = byPage
      ? { page: Math.floor(start / limit) + 1, pageSize: limit, pageCount: Math.ceil(total / limit), total }
      : { start, limit, total };
    if (!page.length) {
      const locale = readLocaleParam(query.locale);
      if (typeof locale === 'string') throw new errors.ValidationError(locale, { source: 'query', param: 'locale' });
      return this.transformResponse([], { pagination, locale });
    }

    const { filters: _filters, pagination: _pagination, ...rest } = query;
    ctx.query = { ...rest, filters: { documentId: { $in: page.map((row) => row.documentId) } }, pagination: { page: '1', pageSize: String(page.length) } };
    const served = (await reads.find.call(this, ctx)) as Served;
    const byId = new Map(docsOf(served).map((doc) => [doc.documentId, doc]));
    served.data = page.flatMap((row) => {
      const doc = byId.get(row.documentId);
      if (!doc) return [];
      return [{ ...doc, distanceKm: row.distanceKm === undefined ? null : Math.round(row.distanceKm * 1000) / 1000 }];
    });
    served.meta = { ...served.meta, pagination };
    return served;
  }

  return {
    async find(ctx: Ctx) {
      const near = nearWanted(ctx);
      const wanted = servedWanted(ctx);
      const served = (near ? await findNear.call(this, ctx, near) : await reads.find.call(this, ctx)) as Served;
      await addServed(ctx, served, wanted);
      return served;
    },
    async findOne(ctx: Ctx) {
      const wanted = servedWanted(ctx);
      const served = (await reads.findOne.call(this, ctx)) as Served | undefined;
      if (served?.data) await addServed(ctx, served, wanted);
      return served;
    },
  };
});
