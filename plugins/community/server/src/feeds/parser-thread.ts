import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FeedError, type FeedErrorCode } from './feed-error';
import { readFeed, type ReadRequest, type ReadResult } from './read-feed';

type Reply = { id: number; result?: ReadResult; error?: { code: FeedErrorCode | null; message: string } };

// A hostile feed that makes the parser balloon kills the worker, not the CMS.
const WORKER_HEAP_MB = 512;

/**
 * Parses feeds in a worker thread, one after another: parsing a feed of thousands of items
 * takes long stretches of CPU that would otherwise stall every request the CMS serves.
 * Where the compiled worker is absent (running from TypeScript sources), it parses in-thread.
 */
export function createParserThread() {
  const file = path.join(__dirname, 'parse-worker.js');
  const threaded = fs.existsSync(file);
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (result: ReadResult) => void; reject: (error: Error) => void }>();

  function failAll(error: Error) {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  function start(): Worker {
    const thread = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    thread.on('message', ({ id, result, error }: Reply) => {
      const waiting = pending.get(id);
      if (!waiting) return;
      pending.delete(id);
      if (result) waiting.resolve(result);
      else if (error?.code) waiting.reject(new FeedError(error.code, error.message));
      else waiting.reject(new Error(error?.message ?? 'the feed parser failed'));
      if (!pending.size) thread.unref();
    });
    thread.on('error', (cause) => {
      worker = null;
      const oom = (cause as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      failAll(oom ? new FeedError('too-large', 'The feed holds more than the importer can read at once.', { cause }) : cause);
    });
    thread.on('exit', () => {
      if (worker === thread) worker = null;
      failAll(new Error('the feed parser stopped'));
    });
    thread.unref();
    return thread;
  }

  return {
    read(request: ReadRequest): Promise<ReadResult> {
      if (!threaded) return readFeed(request);
      worker ??= start();
      const thread = worker;
      const id = nextId++;
      return new Promise<ReadResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        thread.ref();
        thread.postMessage({ id, request });
      });
    },

    async close(): Promise<void> {
      const thread = worker;
      worker = null;
      if (thread) await thread.terminate();
    },
  };
}

export type ParserThread = ReturnType<typeof createParserThread>;
