/** The parts of a Koa context that answering with a feed touches. */
export interface FeedContext {
  set(field: string, value: string): void;
  type: string;
  body: unknown;
}

/** How long clients and proxies may reuse a feed before asking again (with its ETag). */
export const FEED_CACHE_CONTROL = 'public, max-age=300';

/**
 * Answers with a feed's text and the headers that describe it. The public-cache
 * middleware on the route keeps the answer, gives it an ETag and answers conditional
 * requests.
 */
export function answerFeed(ctx: FeedContext, feed: { text: string; lastModified: Date }, options: { type: string; filename: string }) {
  ctx.type = options.type;
  ctx.set('Cache-Control', FEED_CACHE_CONTROL);
  ctx.set('Last-Modified', feed.lastModified.toUTCString());
  // Shown in place by calendar and feed readers; saved under this name when downloaded.
  ctx.set('Content-Disposition', `inline; filename="${options.filename.replace(/[^\w.-]/g, '_')}"`);
  ctx.body = feed.text;
}
