import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_LOCALE, overlayTranslations, type Doc } from '@chapterhouse/config';
import { lastEnd, leftWindowAt, toDate, windowStart, type CalendarEventRow } from '../calendar/calendar-entries';
import { getService } from '../utils';

const EVENT = 'api::event.event';
const GROUP = 'api::group.group';
const REGION = 'api::region.region';

const EVENT_COLUMNS = [
  'documentId', 'slug', 'title', 'description', 'startsAt', 'endsAt', 'timezone', 'allDay', 'recurrence', 'exceptionDates',
  'type', 'state', 'format', 'language', 'onlineUrl', 'createdAt', 'updatedAt',
];
const GROUP_COLUMNS = ['documentId', 'slug', 'name', 'kind', 'summary', 'createdAt', 'updatedAt'];
const GROUP_POPULATE = { select: ['documentId', 'slug', 'name', 'kind'], populate: { region: { select: ['slug'] } } };

/** A published group with its texts in the best locale of the chain. */
export interface GroupRow {
  documentId: string;
  slug: string;
  name: string;
  kind: string;
  summary: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  textUpdatedAt: Date | string;
  /** The locale of `summary`. */
  locale: string;
  region: { slug: string; name?: string } | null;
}

/** A published event with its texts in the best locale of the chain. */
export type EventRow = CalendarEventRow & { locale: string };

const PUBLISHED = { publishedAt: { $notNull: true } };
// Long lists of ids go to the database in slices that every engine accepts as parameters.
const ID_SLICE = 500;

/**
 * Reads published groups and events the way the public API serves them: each document
 * from its default-locale row (which carries relations and shared fields), its texts from
 * the best locale along the requested chain. Bulk reads go straight to the query engine:
 * a calendar of a thousand events costs a few queries.
 */
const publishedContent = ({ strapi }: { strapi: Core.Strapi }) => {
  const localizedKeys = new Map<string, string[]>();

  /** Text attributes that differ per locale (components and relations are not read here). */
  function textKeys(uid: UID.ContentType): string[] {
    let keys = localizedKeys.get(uid);
    if (!keys) {
      keys = Object.entries(strapi.getModel(uid).attributes)
        .filter(([, attribute]) => (attribute as any).pluginOptions?.i18n?.localized === true)
        .filter(([, attribute]) => !['component', 'relation', 'media', 'dynamiczone'].includes((attribute as any).type))
        .map(([name]) => name);
      localizedKeys.set(uid, keys);
    }
    return keys;
  }

  /** Lays the best translation's texts over each row, and notes when those texts were written. */
  async function translate<T extends Doc & { updatedAt?: unknown }>(uid: UID.ContentType, rows: T[], chain: readonly string[]) {
    const keys = textKeys(uid);
    const base = rows.map((row) => ({ ...row, textUpdatedAt: row.updatedAt }));
    const others = chain.filter((locale) => locale !== DEFAULT_LOCALE);
    const versions = new Map<string, Doc[]>();
    if (others.length && rows.length) {
      const ids = rows.map((row) => String(row.documentId));
      for (let start = 0; start < ids.length; start += ID_SLICE) {
        const found = (await strapi.db.query(uid).findMany({
          select: ['documentId', 'locale', 'updatedAt', ...keys],
          where: { ...PUBLISHED, locale: { $in: others }, documentId: { $in: ids.slice(start, start + ID_SLICE) } },
        })) as Doc[];
        for (const doc of found) {
          const locale = String(doc.locale);
          versions.set(locale, [...(versions.get(locale) ?? []), { ...doc, textUpdatedAt: doc.updatedAt }]);
        }
      }
    }
    return overlayTranslations(base, versions, chain, [...keys, 'textUpdatedAt'], DEFAULT_LOCALE).map(({ doc, locale }) => ({ ...doc, locale }));
  }

  /** The latest value of a date column over the published rows of a content type. */
  async function latestOf(uid: UID.ContentType, column: 'publishedAt' | 'updatedAt'): Promise<Date | null> {
    const row = (await strapi.db.query(uid).findOne({ select: [column], where: PUBLISHED, orderBy: { [column]: 'desc' } })) as Doc | null;
    return toDate(row?.[column] as string | null);
  }

  return {
    /** A published group by slug, or null. */
    async group(slug: string, chain: readonly string[]): Promise<GroupRow | null> {
      const row = (await strapi.db.query(GROUP).findOne({
        select: GROUP_COLUMNS,
        where: { ...PUBLISHED, locale: DEFAULT_LOCALE, slug },
        populate: { region: { select: ['slug', 'name'] } },
      })) as Doc | null;
      if (!row) return null;
      const [served] = await translate(GROUP, [row], chain);
      return served as unknown as GroupRow;
    },

    /** A published region by slug, or null. */
    async region(slug: string): Promise<{ slug: string; name: string } | null> {
      const row = (await strapi.db.query(REGION).findOne({ select: ['slug', 'name'], where: { ...PUBLISHED, locale: DEFAULT_LOCALE, slug } })) as {
        slug: string;
        name: string;
      } | null;
      return row;
    },

    /**
     * Published events with their venue (unless `withoutVenue`), changed occurrences and group:
     * of one group, or one event, or all; with `from`, only those that may still take place
     * after it (one-offs ending later, and every series, which the caller checks against its rule).
     */
    async events(
      scope: { group?: string; documentId?: string; from?: Date; withoutVenue?: boolean },
      chain: readonly string[],
    ): Promise<EventRow[]> {
      const where: Record<string, unknown> = { ...PUBLISHED, locale: DEFAULT_LOCALE };
      if (scope.group) where.group = { slug: scope.group };
      if (scope.documentId) where.documentId = scope.documentId;
      if (scope.from) where.$or = [{ endsAt: { $gte: scope.from } }, { recurrence: { $notNull: true } }];
      const rows = (await strapi.db.query(EVENT).findMany({
        select: EVENT_COLUMNS,
        where,
        populate: { ...(scope.withoutVenue ? {} : { venue: true }), changes: true, group: GROUP_POPULATE },
      })) as Doc[];
      return (await translate(EVENT, rows, chain)) as unknown as EventRow[];
    },

    /** The newest published groups, by creation. */
    async recentGroups(limit: number, chain: readonly string[]): Promise<GroupRow[]> {
      const rows = (await strapi.db.query(GROUP).findMany({
        select: GROUP_COLUMNS,
        where: { ...PUBLISHED, locale: DEFAULT_LOCALE },
        orderBy: [{ createdAt: 'desc' }, { documentId: 'asc' }],
        limit,
      })) as Doc[];
      return (await translate(GROUP, rows, chain)) as unknown as GroupRow[];
    },

    /** The newest published events (of one group, or all), by creation. */
    async recentEvents(scope: { group?: string }, limit: number, chain: readonly string[]): Promise<EventRow[]> {
      const rows = (await strapi.db.query(EVENT).findMany({
        select: EVENT_COLUMNS,
        where: { ...PUBLISHED, locale: DEFAULT_LOCALE, ...(scope.group ? { group: { slug: scope.group } } : {}) },
        populate: { group: GROUP_POPULATE },
        orderBy: [{ createdAt: 'desc' }, { documentId: 'asc' }],
        limit,
      })) as Doc[];
      return (await translate(EVENT, rows, chain)) as unknown as EventRow[];
    },

    /**
     * The last time anything a feed shows may have changed: the latest publication or write
     * of any published event, group or region (each of their rows carries it), the latest
     * removal (kept by the content version), and, for calendars built at `now`, the last
     * midnight at which an event dropped out of their window. It holds for every feed
     * (an edit can move an event from one calendar to another), so If-Modified-Since is
     * never answered with a 304 for a changed feed; the ETag is exact per feed.
     */
    async lastChange(now?: Date): Promise<Date> {
      const times: (Date | null)[] = await Promise.all(
        [EVENT, GROUP, REGION].flatMap((uid) => [latestOf(uid as UID.ContentType, 'publishedAt'), latestOf(uid as UID.ContentType, 'updatedAt')]),
      );
      times.push(await getService(strapi, 'content-version').removedAt());
      if (now) {
        const start = windowStart(now);
        const ended = (await strapi.db.query(EVENT).findOne({
          select: ['endsAt'],
          where: { ...PUBLISHED, endsAt: { $lt: start }, $or: [{ recurrence: { $null: true } }, { recurrence: '' }] },
          orderBy: { endsAt: 'desc' },
        })) as Doc | null;
        const series = (await strapi.db.query(EVENT).findMany({
          select: ['startsAt', 'endsAt', 'recurrence', 'timezone', 'allDay'],
          where: { ...PUBLISHED, recurrence: { $notNull: true } },
          populate: { changes: true },
        })) as CalendarEventRow[];
        const ends = [toDate(ended?.endsAt as string | null), ...series.map(lastEnd)];
        times.push(...ends.map((end) => (end ? leftWindowAt(end, now) : null)));
      }
      return new Date(Math.max(0, ...times.map((time) => time?.getTime() ?? 0)));
    },
  };
};

export default publishedContent;
