import { parentPort } from 'node:worker_threads';
import { FeedError } from './feed-error';
import { readFeed, type ReadRequest } from './read-feed';

/** The worker thread that parses feeds, so that a big one never holds up the requests the CMS serves. */
parentPort?.on('message', (message: { id: number; request: ReadRequest }) => {
  readFeed(message.request).then(
    (result) => parentPort!.postMessage({ id: message.id, result }),
    (cause: unknown) =>
      parentPort!.postMessage({
        id: message.id,
        error:
          cause instanceof FeedError
            ? { code: cause.code, message: cause.message }
            : { code: null, message: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) },
      }),
  );
});
