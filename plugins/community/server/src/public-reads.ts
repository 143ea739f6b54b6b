import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

/** The Document Service's actions that only read. */
const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

const publicRead = new AsyncLocalStorage<true>();
const withoutTransaction = new AsyncLocalStorage<true>();

/** Runs `work`, the computing of an anonymous public answer: see `untransactedPublicReads`. */
export function asPublicRead<T>(work: () => Promise<T>): Promise<T> {
  return publicRead.run(true, work);
}

type Transaction = Core.Strapi['db']['transaction'];

/**
 * The Document Service runs every call in a database transaction of its own, reads
 * included. For the reads behind an anonymous answer that transaction buys nothing: the
 * answer is kept under the content version read before it was computed, and a write that
 * lands meanwhile changes that version, so the answer is dropped. It costs about half a
 * millisecond of CPU a call (knex builds a client for each transaction, and BEGIN and
 * COMMIT are two more statements), on the busiest path there is.
 *
 * So a read action (find, count) made while computing such an answer queries without one.
 * Writes always get their transaction, anywhere, and so does any read made elsewhere.
 */
export function untransactedPublicReads(strapi: Core.Strapi) {
  const db = strapi.db as unknown as { transaction: Transaction; connection: unknown };
  const transaction = db.transaction.bind(db) as (cb?: unknown) => unknown;
  const noop = async () => {};
  db.transaction = ((cb?: (params: unknown) => unknown) => {
    if (!cb || !withoutTransaction.getStore()) return transaction(cb);
    // What the callback would get from a transaction: the connection itself, with nothing to commit.
    return Promise.resolve().then(() =>
      cb({ trx: db.connection, commit: noop, rollback: noop, onCommit: (run: () => void) => run(), onRollback: () => {} }),
    );
  }) as unknown as Transaction;

  strapi.documents.use((context, next) => {
    if (!READS.has(context.action) || !publicRead.getStore()) return next();
    return withoutTransaction.run(true, next);
  });
}
