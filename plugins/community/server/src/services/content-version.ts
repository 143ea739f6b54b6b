import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';

const STORE = { type: 'plugin', name: 'community', key: 'content-version' } as const;
const REMOVED = { type: 'plugin', name: 'community', key: 'content-removed-at' } as const;
/** The PostgreSQL channel on which instances tell each other that the version changed. */
export const VERSION_CHANNEL = 'chapterhouse_content_version';
const RELISTEN_MS = 5000;

/** Writes inside `batch`: their bumps are held and made once, when the batch ends. */
interface Batch {
  bumped: boolean;
  removal: boolean;
}

/**
 * A token that changes whenever published content may have changed. It lives in the
 * database, so every CMS instance sees a write made by any other; a fresh random value
 * (rather than a counter) can never be mistaken for an earlier one. Each instance keeps
 * the value it last read and trusts it for `contentVersionTtlMs`, so a cached answer costs
 * no database round trip; a bump here is known at once, one elsewhere within that time,
 * or at once on PostgreSQL, where a bump is announced with NOTIFY.
 */
const contentVersion = ({ strapi }: { strapi: Core.Strapi }) => {
  let known: { value: string; at: number } | undefined;
  let reading: Promise<string> | undefined;
  // Bumped with every change of `known`, so a read begun before a bump never overwrites it.
  let generation = 0;
  const batches = new AsyncLocalStorage<Batch>();
  let listener: { connection: any; stopped: boolean; retry?: NodeJS.Timeout } | undefined;

  const ttl = () => (strapi.config.get('plugin::community.contentVersionTtlMs') as number | undefined) ?? 1000;
  const isPostgres = () => strapi.db?.dialect?.client === 'postgres';

  async function read(): Promise<string> {
    const value = await strapi.store(STORE).get({});
    return typeof value === 'string' ? value : '';
  }

  function refresh(): Promise<string> {
    if (reading) return reading;
    const started = generation;
    const pending: Promise<string> = read()
      .then((value) => {
        if (generation === started) {
          known = { value, at: Date.now() };
          generation += 1;
        }
        return known?.value ?? value;
      })
      .finally(() => {
        if (reading === pending) reading = undefined;
      });
    reading = pending;
    return pending;
  }

  /** Drops what this instance knows, and any read begun before now: the next request reads afresh. */
  function forget() {
    known = undefined;
    reading = undefined;
    generation += 1;
  }

  async function listen() {
    const own = listener;
    if (!own || own.stopped) return;
    const client = (strapi.db.connection as any).client;
    const retry = () => {
      if (!own.stopped) own.retry = setTimeout(() => void listen(), RELISTEN_MS).unref();
    };
    try {
      const connection = await client.acquireRawConnection();
      if (own.stopped) return void client.destroyRawConnection(connection).catch(() => undefined);
      own.connection = connection;
      // The value is read from this instance's own database and schema, not taken from the message.
      connection.on('notification', (message: { channel: string }) => {
        if (message.channel === VERSION_CHANNEL) forget();
      });
      const lost = () => {
        if (own.connection !== connection) return;
        own.connection = undefined;
        forget();
        retry();
      };
      connection.on('error', lost);
      connection.on('end', lost);
      await connection.query(`LISTEN ${VERSION_CHANNEL}`);
      // A bump made while nobody listened is read now.
      forget();
    } catch (cause) {
      strapi.log.warn(`Content version: cannot listen for changes (${cause instanceof Error ? cause.message : String(cause)}); reading it every ${ttl()} ms`);
      retry();
    }
  }

  return {
    /** The version as this instance knows it: from memory while fresh, else read (once for all waiting requests). */
    async current(): Promise<string> {
      if (known && Date.now() - known.at < ttl()) return known.value;
      return refresh();
    },

    /** The version when this instance knows a fresh one, without waiting; undefined when it must be read. */
    fresh(): string | undefined {
      return known && Date.now() - known.at < ttl() ? known.value : undefined;
    },

    /**
     * `removal` marks writes that take published content away (unpublish, delete): no row is
     * left to carry their time, so it is kept here for the feeds' Last-Modified.
     */
    async bump(removal = false): Promise<void> {
      const batch = batches.getStore();
      if (batch) {
        batch.bumped = true;
        batch.removal ||= removal;
        return;
      }
      const value = randomUUID();
      await strapi.store(STORE).set({ value });
      if (removal) await strapi.store(REMOVED).set({ value: new Date().toISOString() });
      known = { value, at: Date.now() };
      reading = undefined;
      generation += 1;
      if (isPostgres()) await strapi.db.connection.raw(`NOTIFY ${VERSION_CHANNEL}`);
    },

    /** Runs `work` with the bumps of its writes held back, then bumps once if any write asked to. */
    async batch<T>(work: () => Promise<T>): Promise<T> {
      if (batches.getStore()) return work();
      const batch: Batch = { bumped: false, removal: false };
      try {
        return await batches.run(batch, work);
      } finally {
        if (batch.bumped) await this.bump(batch.removal);
      }
    },

    /** When published content was last taken away, if ever. */
    async removedAt(): Promise<Date | null> {
      const value = await strapi.store(REMOVED).get({});
      const date = typeof value === 'string' ? new Date(value) : null;
      return date && !Number.isNaN(date.getTime()) ? date : null;
    },

    /** On PostgreSQL, hears other instances' bumps at once (LISTEN); elsewhere the TTL alone bounds the delay. */
    async startListening(): Promise<void> {
      if (!isPostgres() || (listener && !listener.stopped)) return;
      listener = { connection: undefined, stopped: false };
      await listen();
    },

    async stopListening(): Promise<void> {
      const own = listener;
      if (!own) return;
      own.stopped = true;
      clearTimeout(own.retry);
      const { connection } = own;
      own.connection = undefined;
      if (connection) await (strapi.db.connection as any).client.destroyRawConnection(connection).catch(() => undefined);
    },
  };
};

export default contentVersion;
