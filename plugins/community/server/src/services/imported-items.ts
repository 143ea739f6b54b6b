import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '@chapterhouse/config';
import type { CalendarItem, FeedItem } from '../feeds';
import { pageMeta } from '../http/pagination';
import { planItems, type ItemIdentity, type ItemPlan, type StoredItem } from '../import/match-items';

const POST = 'plugin::community.post';
const PHOTO = 'plugin::community.photo';
const EVENT = 'api::event.event';
const GROUP = 'api::group.group';

export interface FeedSource {
  groupDocumentId: string;
  feedUrl: string;
  /** The group's first spoken language: an item's language when neither it nor its feed says. */
  groupLanguage: string | null;
}

export interface StoreResult {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

type Row = Record<string, unknown>;

// Rows written per statement: a feed's hundreds of items go in slices, with the event loop free in between.
const SLICE = 50;

/** The imported posts, photos and events of a group, kept as the feeds say, once each. */
const importedItems = ({ strapi }: { strapi: Core.Strapi }) => {
  async function storedItems(uid: string, groupDocumentId: string): Promise<StoredItem[]> {
    const rows = (await strapi.db.query(uid as any).findMany({
      where: { groupDocumentId },
      select: ['id', 'itemKey', 'guid', 'link', 'contentHash'].filter((name) => uid === POST || name !== 'link'),
    })) as Row[];
    return rows.map((row) => ({
      id: row.id as number,
      itemKey: String(row.itemKey),
      guid: (row.guid as string | null) ?? null,
      link: (row.link as string | null) ?? null,
      contentHash: String(row.contentHash ?? ''),
    }));
  }

  /**
   * Inserts in bulk (an import of 20 items costs a handful of queries, not dozens) and in
   * slices that let the CMS answer its requests between them, however many items there are.
   */
  async function apply(uid: string, plan: ItemPlan<Row & ItemIdentity>): Promise<void> {
    const now = new Date();
    for (let start = 0; start < plan.create.length; start += SLICE) {
      await strapi.db.query(uid as any).createMany({
        data: plan.create.slice(start, start + SLICE).map((row) => ({ ...row, createdAt: now, updatedAt: now, publishedAt: now })),
      });
      await nextTurn();
    }
    for (const [index, { id, item }] of plan.update.entries()) {
      await strapi.db.query(uid as any).update({ where: { id }, data: { ...item, updatedAt: now } });
      if (index % SLICE === SLICE - 1) await nextTurn();
    }
  }

  const PUBLIC_FIELDS = {
    post: ['documentId', 'title', 'link', 'author', 'postedAt', 'summary', 'excerpt', 'imageUrl', 'language', 'groupDocumentId'],
    photo: ['documentId', 'title', 'pageUrl', 'imageUrl', 'thumbnailUrl', 'images', 'author', 'takenAt', 'language', 'groupDocumentId'],
  } as const;

  return {
    /**
     * The newest imported posts or photos of published groups (or of one group by slug, or
     * in one language), each with its group's slug and name; a group that is not published has none.
     */
    async latest(kind: 'post' | 'photo', options: { group?: string; language?: string; page: number; pageSize: number }) {
      const uid = kind === 'post' ? POST : PHOTO;
      const meta = strapi.db.metadata.get(uid as any);
      const groupMeta = strapi.db.metadata.get(GROUP as any);
      const column = (of: typeof meta, name: string) => (of.attributes[name] as { columnName?: string }).columnName ?? name;
      // The published groups as a subquery, so a page costs the same however many groups there are.
      const published = strapi.db
        .getConnection(groupMeta.tableName)
        .select(column(groupMeta, 'documentId'))
        .whereNotNull(column(groupMeta, 'publishedAt'))
        .where(column(groupMeta, 'locale'), DEFAULT_LOCALE);
      if (options.group) published.where(column(groupMeta, 'slug'), options.group);
      const items = strapi.db.getConnection(meta.tableName).whereIn(column(meta, 'groupDocumentId'), published);
      // `de` takes `de-CH` too; `pt-BR` only itself. Tags are letters, digits and hyphens (checked by the controller).
      if (options.language) {
        const language = column(meta, 'language');
        const tag = options.language.toLowerCase();
        items.where((where) => where.whereRaw('lower(??) = ?', [language, tag]).orWhereRaw('lower(??) like ?', [language, `${tag}-%`]));
      }
      const dateColumn = column(meta, kind === 'post' ? 'postedAt' : 'takenAt');
      const [counted, picked] = await Promise.all([
        items.clone().count({ total: '*' }) as Promise<{ total: number | string }[]>,
        items
          .clone()
          .select('id')
          .orderBy([{ column: dateColumn, order: 'desc' }, { column: 'id', order: 'desc' }])
          .offset((options.page - 1) * options.pageSize)
          .limit(options.pageSize) as Promise<{ id: number }[]>,
      ]);
      const total = Number(counted[0]?.total ?? 0);
      const rows = picked.length
        ? ((await strapi.db.query(uid as any).findMany({
            where: { id: { $in: picked.map((row) => row.id) } },
            select: ['id', ...PUBLIC_FIELDS[kind]],
            orderBy: [{ [kind === 'post' ? 'postedAt' : 'takenAt']: 'desc' }, { id: 'desc' }],
          })) as Row[])
        : [];
      const groups = rows.length
        ? ((await strapi.documents(GROUP as any).findMany({
            locale: DEFAULT_LOCALE,
            status: 'published',
            filters: { documentId: { $in: [...new Set(rows.map((row) => String(row.groupDocumentId)))] } },
            fields: ['documentId', 'slug', 'name'],
          } as any)) as unknown as { documentId: string; slug: string; name: string }[])
        : [];
      const byDocument = new Map(groups.map((group) => [group.documentId, group]));
      return {
        data: rows.map(({ id: _id, groupDocumentId, ...row }) => {
          const group = byDocument.get(String(groupDocumentId))!;
          return { ...row, group: { slug: group.slug, name: group.name } } as Row & { group: { slug: string; name: string } };
        }),
        meta: { pagination: pageMeta(options, total) },
      };
    },

    /**
     * The `perGroup` newest posts or photos of each of the given groups, by group document
     * id: one query for one group, two for a list (a window over the groups picks the rows).
     */
    async newestOfGroups(kind: 'post' | 'photo', groupDocumentIds: string[], perGroup: number): Promise<Map<string, Row[]>> {
      const byGroup = new Map<string, Row[]>(groupDocumentIds.map((id) => [id, []]));
      if (!groupDocumentIds.length) return byGroup;
      const uid = kind === 'post' ? POST : PHOTO;
      const dateField = kind === 'post' ? 'postedAt' : 'takenAt';
      const orderBy = [{ [dateField]: 'desc' }, { id: 'desc' }];
      let where: Record<string, unknown>;
      if (groupDocumentIds.length === 1) {
        where = { groupDocumentId: groupDocumentIds[0] };
      } else {
        const meta = strapi.db.metadata.get(uid as any);
        const column = (name: string) => (meta.attributes[name] as { columnName?: string }).columnName ?? name;
        const knex = strapi.db.connection;
        const ranked = strapi.db
          .getConnection(meta.tableName)
          .select('id')
          .select(knex.raw('row_number() over (partition by ?? order by ?? desc, ?? desc) as newest', [column('groupDocumentId'), column(dateField), 'id']))
          .whereIn(column('groupDocumentId'), groupDocumentIds);
        const ids = (await knex.select('id').from(ranked.as('ranked')).where('newest', '<=', perGroup)) as { id: number }[];
        where = { id: { $in: ids.map((row) => row.id) } };
      }
      const rows = (await strapi.db.query(uid as any).findMany({
        where,
        select: ['id', ...PUBLIC_FIELDS[kind]],
        orderBy,
        ...(groupDocumentIds.length === 1 ? { limit: perGroup } : {}),
      })) as Row[];
      for (const { id: _id, groupDocumentId, ...row } of rows) byGroup.get(String(groupDocumentId))?.push(row);
      return byGroup;
    },

    async storePosts(source: FeedSource, items: FeedItem[], feedLanguage: string | null): Promise<StoreResult> {
      const rows = items.map((item) => ({
        itemKey: item.key,
        guid: item.guid,
        link: item.link,
        contentHash: item.contentHash,
        title: item.title,
        author: item.author,
        postedAt: item.publishedAt ?? new Date().toISOString(),
        summary: item.summaryHtml,
        excerpt: item.excerpt,
        content: item.contentHtml,
        imageUrl: item.imageUrl ?? item.thumbnailUrl,
        language: item.language ?? feedLanguage ?? source.groupLanguage,
        feedUrl: source.feedUrl,
        groupDocumentId: source.groupDocumentId,
      }));
      const plan = planItems<Row & ItemIdentity>(rows, await storedItems(POST, source.groupDocumentId));
      await apply(POST, plan);
      return { created: plan.create.length, updated: plan.update.length, unchanged: plan.unchanged, removed: 0 };
    },

    async storePhotos(source: FeedSource, items: FeedItem[], feedLanguage: string | null): Promise<StoreResult> {
      const rows = items
        .filter((item) => item.imageUrl ?? item.thumbnailUrl)
        .map((item) => ({
          itemKey: item.key,
          guid: item.guid,
          link: item.link,
          contentHash: item.contentHash,
          title: item.title || null,
          author: item.author,
          pageUrl: item.link,
          images: item.images,
          imageUrl: item.imageUrl ?? item.thumbnailUrl,
          thumbnailUrl: item.thumbnailUrl ?? item.imageUrl,
          takenAt: item.takenAt ?? item.publishedAt ?? new Date().toISOString(),
          language: item.language ?? feedLanguage ?? source.groupLanguage,
          feedUrl: source.feedUrl,
          groupDocumentId: source.groupDocumentId,
        }));
      // Photos keep their page link as `pageUrl`; matching by link uses the same value.
      const stored = await storedItems(PHOTO, source.groupDocumentId);
      const plan = planItems<Row & ItemIdentity>(rows, stored);
      await apply(PHOTO, {
        ...plan,
        create: plan.create.map(({ link: _link, ...row }) => row as Row & ItemIdentity),
        update: plan.update.map(({ id, item: { link: _link, ...row } }) => ({ id, item: row as Row & ItemIdentity })),
      });
      return { created: plan.create.length, updated: plan.update.length, unchanged: plan.unchanged, removed: 0 };
    },

    /**
     * Removes the upcoming events (and series) imported from a calendar that its group no
     * longer lists, or of a group that is gone; past ones stay, as the record of what happened.
     */
    async removeUpcomingEvents(feedUrl: string, groupDocumentId: string, now: Date): Promise<number> {
      const documents = strapi.documents(EVENT as any);
      const rows = (await documents.findMany({
        locale: DEFAULT_LOCALE,
        status: 'draft',
        // A series counts as upcoming, whenever it began.
        filters: { importedFrom: feedUrl, $or: [{ startsAt: { $gte: now.toISOString() } }, { recurrence: { $notNull: true } }] },
        fields: ['documentId'],
        populate: { group: { fields: ['documentId'] } },
        limit: -1,
      } as any)) as { documentId: string; group?: { documentId: string } | null }[];
      const orphans = rows.filter((row) => !row.group || row.group.documentId === groupDocumentId);
      for (const row of orphans) await documents.delete({ documentId: row.documentId } as any);
      return orphans.length;
    },

    /**
     * Keeps the group's imported events as the calendar says: new ones are created and
     * published, changed ones updated, and upcoming ones the calendar no longer lists are
     * removed (past ones stay, as the record of what happened).
     */
    async storeEvents(source: FeedSource, items: CalendarItem[], now: Date): Promise<StoreResult> {
      const documents = strapi.documents(EVENT as any);
      const existing = (await documents.findMany({
        locale: DEFAULT_LOCALE,
        status: 'draft',
        filters: { importedFrom: source.feedUrl, group: { documentId: source.groupDocumentId } },
        fields: ['documentId', 'externalUid', 'externalHash', 'startsAt', 'recurrence'],
        limit: -1,
      } as any)) as Row[];
      const byUid = new Map(existing.map((row) => [String(row.externalUid), row]));
      const result: StoreResult = { created: 0, updated: 0, unchanged: 0, removed: 0 };
      const listed = new Set<string>();

      for (const item of items) {
        if (listed.has(item.uid)) continue;
        listed.add(item.uid);
        const data = eventData(item, source);
        const current = byUid.get(item.uid);
        if (current && current.externalHash === item.contentHash) {
          result.unchanged += 1;
          continue;
        }
        if (current) {
          await documents.update({ documentId: String(current.documentId), locale: DEFAULT_LOCALE, data } as any);
          await documents.publish({ documentId: String(current.documentId), locale: DEFAULT_LOCALE } as any);
          result.updated += 1;
        } else {
          const created = (await documents.create({
            locale: DEFAULT_LOCALE,
            data: { ...data, slug: eventSlug(item, source.feedUrl) },
          } as any)) as Row;
          await documents.publish({ documentId: String(created.documentId), locale: DEFAULT_LOCALE } as any);
          result.created += 1;
        }
      }

      for (const row of existing) {
        const upcoming = Boolean(row.recurrence) || new Date(String(row.startsAt)).getTime() >= now.getTime();
        if (upcoming && !listed.has(String(row.externalUid))) {
          await documents.delete({ documentId: String(row.documentId) } as any);
          result.removed += 1;
        }
      }
      return result;
    },
  };
};

/** A value that fits the event model's limit, or nothing: a cut URL or rule would be wrong. */
const fitting = (value: string | null, max: number) => (value && value.length <= max ? value : null);

function eventData(item: CalendarItem, source: FeedSource): Row {
  const url = fitting(item.url, 255);
  const hasPlace = Boolean(item.location) || (item.latitude !== null && item.longitude !== null);
  return {
    title: item.title.slice(0, 200) || 'Event',
    description: item.description,
    startsAt: item.startsAt,
    endsAt: item.endsAt,
    timezone: item.timezone,
    allDay: item.allDay,
    recurrence: fitting(item.recurrence, 255),
    exceptionDates: item.exceptionDates.length ? item.exceptionDates : null,
    changes: item.changes,
    format: hasPlace || !url ? 'in-person' : 'online',
    venue: hasPlace
      ? {
          name: (item.location?.split(/[\n,]/)[0]?.trim() || item.title).slice(0, 200),
          address: item.location?.slice(0, 500) ?? null,
          latitude: item.latitude,
          longitude: item.longitude,
        }
      : null,
    onlineUrl: hasPlace ? null : url,
    registrationUrl: hasPlace ? url : null,
    state: item.cancelled ? 'cancelled' : 'scheduled',
    language: source.groupLanguage,
    group: source.groupDocumentId,
    importedFrom: source.feedUrl,
    externalUid: item.uid,
    externalHash: item.contentHash,
  };
}

/** A stable, unique slug for an imported event: its title and a short hash of its source and UID. */
function eventSlug(item: CalendarItem, feedUrl: string): string {
  const words = item.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const hash = createHash('sha256').update(`${feedUrl} ${item.uid}`).digest('hex').slice(0, 10);
  return `${words || 'event'}-${hash}`;
}

export default importedItems;
