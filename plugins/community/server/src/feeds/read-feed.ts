import { newestItems, nearestEvents } from '../import/item-limit';
import { readCalendar, type CalendarItem } from './parse-calendar';
import { parseFeed, type FeedItem } from './parse-feed';

/** What the importer asks of one fetched feed. */
export interface ReadRequest {
  kind: 'blog' | 'photos' | 'calendar';
  body: Uint8Array;
  /** The address the feed was fetched from (after redirects). */
  url: string;
  contentType: string | null;
  /** ISO instant the calendar window is reckoned from. */
  now: string;
  /** Items taken at most. */
  limit: number;
}

/** A feed read and cut to size: what is stored, and how much of the feed was left out and why. */
export type ReadResult =
  | { kind: 'blog' | 'photos'; language: string | null; items: FeedItem[]; total: number; beyondLimit: number; outsideWindow: 0 }
  | { kind: 'calendar'; language: null; items: CalendarItem[]; total: number; beyondLimit: number; outsideWindow: number };

/** Parses a fetched feed and keeps the items one import takes: the newest posts and photos, the nearest events. */
export async function readFeed(request: ReadRequest): Promise<ReadResult> {
  const body = Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength);
  if (request.kind === 'calendar') {
    const now = new Date(request.now);
    const { items, outsideWindow } = readCalendar(body, { url: request.url, now, contentType: request.contentType });
    const taken = nearestEvents(items, now, request.limit);
    return { kind: 'calendar', language: null, items: taken.items, total: items.length, beyondLimit: taken.leftOut, outsideWindow };
  }
  const feed = await parseFeed(body, { url: request.url, contentType: request.contentType, kind: request.kind });
  const taken = newestItems(feed.items, request.limit);
  return { kind: request.kind, language: feed.language, items: taken.items, total: feed.items.length, beyondLimit: taken.leftOut, outsideWindow: 0 };
}
