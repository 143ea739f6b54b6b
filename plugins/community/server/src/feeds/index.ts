export { isPublicAddress } from './address-policy';
export { FeedError, type FeedErrorCode } from './feed-error';
export { PAST_DAYS, FUTURE_DAYS, parseCalendar, readCalendar, type CalendarItem, type ParseCalendarOptions } from './parse-calendar';
export { createParserThread, type ParserThread } from './parser-thread';
export { readFeed, type ReadRequest, type ReadResult } from './read-feed';
export { parseFeed, type FeedItem, type ParsedFeed, type ParseFeedOptions } from './parse-feed';
export { createFeedFetcher, type Conditional, type FeedFetcher, type FetchOutcome, type FetchPolicy } from './safe-fetch';
export { sanitizeFeedHtml } from './sanitize';

export type FeedKind = 'blog' | 'photos' | 'calendar';
