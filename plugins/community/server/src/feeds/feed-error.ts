/** Why a feed could not be imported; stored with the feed so editors see what to fix. */
export type FeedErrorCode =
  | 'bad-url'
  | 'blocked-address'
  | 'dns'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-status'
  | 'network'
  | 'empty'
  | 'not-a-feed'
  | 'malformed'
  | 'unsafe-xml'
  | 'encoding';

/** A feed's failure, with a message in words an editor understands (one sentence). */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  readonly code: FeedErrorCode;
  /** The HTTP status, for `http-status`. */
  readonly status: number | null;

  constructor(code: FeedErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? null;
  }
}
