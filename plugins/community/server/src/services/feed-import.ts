import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '@chapterhouse/config';
import type { FeedImportConfig } from '../config';
import { createFeedFetcher, createParserThread, FeedError, PAST_DAYS, type FeedKind, type ParserThread } from '../feeds';
import { leftOutNote } from '../import/health-note';
import { MAX_ITEMS_PER_FEED } from '../import/item-limit';
import { afterAttempt, isDue, type FeedHealth } from '../import/schedule';
import { getService } from '../utils';
import type { FeedSource, StoreResult } from './imported-items';

const STATE = 'plugin::community.feed-state';
const GROUP = 'api::group.group';
const RUN_STORE = { type: 'plugin', name: 'community', key: 'feed-import-run' } as const;
const HOUR = 3_600_000;

interface StateRow {
  id: number;
  groupDocumentId: string;
  feedUrl: string;
  kind: FeedKind;
  health: FeedHealth;
  etag: string | null;
  lastModified: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorCode: string | null;
  failures: number | null;
  nextAttemptAt: string | null;
  itemsImported: number | null;
  lastItemCount: number | null;
  lastTotal: number | null;
  lastOutsideWindow: number | null;
  lastBeyondLimit: number | null;
}

interface GroupFeeds {
  documentId: string;
  slug: string;
  name: string;
  languages: unknown;
  feeds?: { kind: FeedKind; url: string; title?: string | null }[];
}

/** A feed as editors and integrators see it. */
export interface FeedStatus {
  id: number | null;
  group: { slug: string; name: string };
  url: string;
  title: string | null;
  kind: FeedKind;
  health: FeedHealth;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
  nextAttemptAt: string | null;
  itemsImported: number;
  /** Of the last import: calendar events that ended before the past window, and items beyond the per-feed limit. */
  leftOut: { outsideWindow: number; beyondLimit: number };
  /** What the last import left out and why, in words; null when it took everything. */
  note: string | null;
}

/** The latest import run, kept in the database so every instance reports the same progress. */
export interface ImportRun {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  total: number;
  done: number;
  failed: number;
}

/** A write refused by a unique key: PostgreSQL's unique_violation, SQLite's UNIQUE constraint. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: any = error, depth = 0; e && depth < 3; e = e.cause ?? e.nativeError, depth += 1) {
    if (e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
  }
  return false;
}

/** Runs `work` over `items` with at most `limit` at a time, until `stopped()` says so. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>, stopped: () => boolean): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stopped()) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Imports the groups' feeds: keeps one state row per feed, takes a lease on a feed before
 * importing it (so two CMS instances never import the same feed at once), and records the
 * outcome as the feed's health. One feed's failure never stops the others.
 */
const feedImport = ({ strapi }: { strapi: Core.Strapi }) => {
  const owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let fetcher: ReturnType<typeof createFeedFetcher> | undefined;
  let parser: ParserThread | undefined;
  let current: { started: Promise<ImportRun>; done: Promise<unknown> } | undefined;
  const running = new Set<Promise<unknown>>();
  let stopping = false;

  const config = () => strapi.config.get('plugin::community.feeds') as FeedImportConfig;
  const states = () => strapi.db.query(STATE as any);

  function getFetcher() {
    const { timeoutMs, maxBytes, maxRedirects, userAgent, allowPrivate, concurrency, perHost } = config();
    fetcher ??= createFeedFetcher({ timeoutMs, maxBytes, maxRedirects, userAgent, allowPrivate, concurrency, perHost });
    return fetcher;
  }

  async function publishedGroups(): Promise<GroupFeeds[]> {
    return (await strapi.documents(GROUP as any).findMany({
      locale: DEFAULT_LOCALE,
      status: 'published',
      fields: ['documentId', 'slug', 'name', 'languages'],
      populate: { feeds: true },
      limit: -1,
    } as any)) as unknown as GroupFeeds[];
  }

  /** One state row per feed of a published group; rows of feeds that are gone are dropped. */
  async function syncStates(groups: GroupFeeds[]): Promise<StateRow[]> {
    const rows = (await states().findMany({})) as StateRow[];
    const key = (groupDocumentId: string, url: string) => `${groupDocumentId} ${url}`;
    const existing = new Map(rows.map((row) => [key(row.groupDocumentId, row.feedUrl), row]));
    const wanted = new Map<string, { groupDocumentId: string; feedUrl: string; kind: FeedKind }>();
    for (const group of groups) {
      for (const feed of group.feeds ?? []) {
        wanted.set(key(group.documentId, feed.url), { groupDocumentId: group.documentId, feedUrl: feed.url, kind: feed.kind });
      }
    }
    const missing = [...wanted].filter(([k]) => !existing.has(k)).map(([, feed]) => feed);
    if (missing.length) {
      const now = new Date();
      const rows = missing.map((feed) => ({ ...feed, health: 'pending', failures: 0, itemsImported: 0, lastItemCount: 0, createdAt: now, updatedAt: now, publishedAt: now }));
      try {
        await states().createMany({ data: rows });
      } catch (cause) {
        // Another instance recorded some of these feeds first: the unique key keeps one row per feed.
        if (!isUniqueViolation(cause)) throw cause;
        for (const row of rows) {
          await states()
            .create({ data: row })
            .catch((error: unknown) => {
              if (!isUniqueViolation(error)) throw error;
            });
        }
      }
    }
    const gone = rows.filter((row) => !wanted.has(key(row.groupDocumentId, row.feedUrl)));
    for (const row of gone.filter((state) => state.kind === 'calendar')) {
      await getService(strapi, 'imported-items').removeUpcomingEvents(row.feedUrl, row.groupDocumentId, new Date());
    }
    if (gone.length) await states().deleteMany({ where: { id: { $in: gone.map((row) => row.id) } } });
    const kindChanged = rows.filter((row) => {
      const feed = wanted.get(key(row.groupDocumentId, row.feedUrl));
      return feed && feed.kind !== row.kind;
    });
    for (const row of kindChanged) {
      await states().update({ where: { id: row.id }, data: { kind: wanted.get(key(row.groupDocumentId, row.feedUrl))!.kind, etag: null, lastModified: null } });
    }
    return missing.length || gone.length || kindChanged.length ? ((await states().findMany({})) as StateRow[]) : rows;
  }

  /**
   * Takes all these feeds (one group's) for `holder`, or none of them when another run or
   * instance holds an unexpired lease on any: a group's feeds are imported one after another
   * by one holder, so the same post reached through two of them is never stored twice.
   */
  async function claim(ids: number[], holder: string, now: Date, due: boolean): Promise<boolean> {
    const free = { $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] };
    // A scheduled run takes only feeds still due: one another instance imported meanwhile is not due any more.
    const stillDue = { $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] };
    const { count } = await states().updateMany({
      where: { id: { $in: ids }, ...(due ? { $and: [free, stillDue] } : free) },
      data: { leaseOwner: holder, leaseUntil: new Date(now.getTime() + config().leaseMs) },
    });
    if (count === ids.length) return true;
    if (count > 0) await states().updateMany({ where: { id: { $in: ids }, leaseOwner: holder }, data: { leaseOwner: null, leaseUntil: null } });
    return false;
  }

  async function importOne(state: StateRow, group: GroupFeeds): Promise<{ ok: boolean; changed: boolean }> {
    const startedAt = new Date();
    const languages = Array.isArray(group.languages) ? group.languages.filter((tag): tag is string => typeof tag === 'string') : [];
    const source: FeedSource = { groupDocumentId: group.documentId, feedUrl: state.feedUrl, groupLanguage: languages[0] ?? null };
    const items = getService(strapi, 'imported-items');
    let outcome: { ok: boolean; notModified?: boolean };
    let update: Record<string, unknown>;
    let changed = false;
    try {
      const fetched = await getFetcher().fetch(state.feedUrl, { etag: state.etag, lastModified: state.lastModified });
      if (fetched.kind === 'not-modified') {
        outcome = { ok: true, notModified: true };
        update = { etag: fetched.etag ?? state.etag, lastModified: fetched.lastModified ?? state.lastModified };
      } else {
        parser ??= createParserThread();
        const read = await parser.read({
          kind: state.kind,
          body: fetched.body,
          url: fetched.url,
          contentType: fetched.contentType,
          now: startedAt.toISOString(),
          limit: MAX_ITEMS_PER_FEED,
        });
        let stored: StoreResult;
        if (read.kind === 'calendar') stored = await items.storeEvents(source, read.items, startedAt);
        else if (read.kind === 'photos') stored = await items.storePhotos(source, read.items, read.language);
        else stored = await items.storePosts(source, read.items, read.language);
        changed = stored.created + stored.updated + stored.removed > 0;
        outcome = { ok: true };
        update = {
          etag: fetched.etag,
          lastModified: fetched.lastModified,
          lastItemCount: stored.created + stored.updated + stored.unchanged,
          itemsImported: (state.itemsImported ?? 0) + stored.created,
          lastTotal: read.total,
          lastOutsideWindow: read.outsideWindow,
          lastBeyondLimit: read.beyondLimit,
        };
      }
      update = { ...update, lastSuccessAt: startedAt, lastError: null, lastErrorCode: null };
    } catch (cause) {
      outcome = { ok: false };
      const known = cause instanceof FeedError;
      if (!known) strapi.log.warn(`Feed import of ${state.feedUrl} failed unexpectedly: ${cause instanceof Error ? cause.stack : String(cause)}`);
      update = {
        lastError: known ? cause.message : 'The feed could not be imported because of an unexpected error; the server log has the details.',
        lastErrorCode: known ? cause.code : 'internal',
      };
    }
    const next = afterAttempt(state.failures ?? 0, outcome, { ...config(), intervalMs: HOUR }, startedAt);
    await states().update({
      where: { id: state.id },
      data: { ...update, health: next.health, failures: next.failures, nextAttemptAt: next.nextAttemptAt, lastAttemptAt: startedAt, leaseOwner: null, leaseUntil: null, updatedAt: new Date() },
    });
    return { ok: outcome.ok, changed };
  }

  async function saveRun(run: ImportRun) {
    await strapi.store(RUN_STORE).set({ value: run });
  }

  return {
    /**
     * Imports the feeds that are due (or, with `force`, every feed, or those in `only`).
     * Resolves when the run is over; feeds another instance is importing are left to it.
     */
    async run(options: { force?: boolean; only?: number[] } = {}, onStarted?: (run: ImportRun) => void): Promise<ImportRun> {
      const now = new Date();
      const groups = await publishedGroups();
      const byDocument = new Map(groups.map((group) => [group.documentId, group]));
      const rows = await syncStates(groups);
      const chosen = rows.filter((row) =>
        options.only ? options.only.includes(row.id) : options.force || isDue(row.nextAttemptAt, now),
      );
      const run: ImportRun = { id: randomUUID(), startedAt: now.toISOString(), finishedAt: null, total: chosen.length, done: 0, failed: 0 };
      await saveRun(run);
      onStarted?.({ ...run });
      const byGroup = new Map<string, StateRow[]>();
      for (const row of chosen) byGroup.set(row.groupDocumentId, [...(byGroup.get(row.groupDocumentId) ?? []), row]);
      const holder = `${owner}:${run.id}`;
      const work = pool([...byGroup.values()], config().concurrency, async (feeds) => {
        const group = byDocument.get(feeds[0]!.groupDocumentId);
        const scheduled = !options.force && !options.only;
        if (!group || !(await claim(feeds.map((row) => row.id), holder, new Date(), scheduled))) {
          run.done += feeds.length;
          return;
        }
        for (const row of feeds) {
          // A feed's writes renew the public caches once, when the feed is done, and only if it brought something new.
          const versions = getService(strapi, 'content-version');
          const result = await versions.batch(async () => {
            const outcome = await importOne(row, group);
            if (outcome.changed) await versions.bump();
            return outcome;
          });
          run.done += 1;
          if (!result.ok) run.failed += 1;
          await saveRun(run);
        }
      }, () => stopping);
      running.add(work);
      await work.finally(() => running.delete(work));
      run.finishedAt = new Date().toISOString();
      await saveRun(run);
      return run;
    },

    /**
     * Starts a run in the background and resolves with it as soon as it is under way (for
     * "import now"); while one started here is still going, that one is returned instead.
     */
    start(options: { force?: boolean; only?: number[] }): Promise<ImportRun> {
      if (current) return current.started;
      let resolveStarted!: (run: ImportRun) => void;
      const started = new Promise<ImportRun>((resolve) => (resolveStarted = resolve));
      const done = this.run(options, resolveStarted)
        .catch((cause: unknown) => {
          strapi.log.error(`Feed import run failed: ${cause instanceof Error ? cause.stack : String(cause)}`);
        })
        .finally(() => {
          current = undefined;
        });
      current = { started, done };
      // A run that fails before it starts must still answer the caller.
      void done.then(() => resolveStarted({ id: '', startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(), total: 0, done: 0, failed: 0 }));
      return started;
    },

    /** Waits for a run started with `start`. */
    async settled(): Promise<void> {
      await current?.done;
    },

    /** Lets the feeds being imported finish and starts no others (on shutdown). */
    async stop(): Promise<void> {
      stopping = true;
      await Promise.allSettled([...running]);
      await parser?.close();
    },

    /** The latest run (running or finished), or null before the first. */
    async latestRun(): Promise<ImportRun | null> {
      const value = (await strapi.store(RUN_STORE).get({})) as ImportRun | null | undefined;
      return value ?? null;
    },

    /**
     * Every feed of every published group with its health, by group then URL. A feed added
     * since the last run has no state yet: it is listed as pending, with no id.
     */
    async status(): Promise<FeedStatus[]> {
      const groups = await publishedGroups();
      const rows = (await states().findMany({})) as StateRow[];
      const byFeed = new Map(rows.map((row) => [`${row.groupDocumentId} ${row.feedUrl}`, row]));
      return groups
        .flatMap((group) =>
          (group.feeds ?? []).map((feed): FeedStatus => {
            const row = byFeed.get(`${group.documentId} ${feed.url}`);
            return {
              id: row?.id ?? null,
              group: { slug: group.slug, name: group.name },
              url: feed.url,
              title: feed.title ?? null,
              kind: feed.kind,
              health: row?.health ?? 'pending',
              lastAttemptAt: row?.lastAttemptAt ?? null,
              lastSuccessAt: row?.lastSuccessAt ?? null,
              lastError: row?.lastError ?? null,
              failures: row?.failures ?? 0,
              nextAttemptAt: row?.nextAttemptAt ?? null,
              itemsImported: row?.itemsImported ?? 0,
              leftOut: { outsideWindow: row?.lastOutsideWindow ?? 0, beyondLimit: row?.lastBeyondLimit ?? 0 },
              note: row
                ? leftOutNote({
                    kind: feed.kind,
                    total: row.lastTotal ?? 0,
                    beyondLimit: row.lastBeyondLimit ?? 0,
                    outsideWindow: row.lastOutsideWindow ?? 0,
                    pastDays: PAST_DAYS,
                  })
                : null,
            };
          }),
        )
        .sort((a, b) => a.group.name.localeCompare(b.group.name) || a.url.localeCompare(b.url));
    },
  };
};

export default feedImport;
