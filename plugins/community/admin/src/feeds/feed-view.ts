// The admin API's answers, typed by the server that sends them (`GET /community/feeds` and `/feeds/import`).
import type { FeedKind } from '../../../server/src/feeds';
import type { FeedHealth } from '../../../server/src/import/schedule';
import type { FeedStatus, ImportRun } from '../../../server/src/services/feed-import';

export type { FeedHealth, FeedKind, FeedStatus, ImportRun };

/** Worst first, so a filter list and a summary read from trouble to calm. */
export const HEALTHS: readonly FeedHealth[] = ['failing', 'backing-off', 'pending', 'not-modified', 'ok'];

/** `all`, `attention` (failing or backing off), or one health. */
export type HealthFilter = 'all' | 'attention' | FeedHealth;

export const needsAttention = (feed: FeedStatus) => feed.health === 'failing' || feed.health === 'backing-off';

export function filterFeeds(feeds: readonly FeedStatus[], filter: HealthFilter): FeedStatus[] {
  if (filter === 'all') return [...feeds];
  if (filter === 'attention') return feeds.filter(needsAttention);
  return feeds.filter((feed) => feed.health === filter);
}

/** How many feeds each filter would show, for the filter's option labels. */
export function countByFilter(feeds: readonly FeedStatus[]): Record<HealthFilter, number> {
  const counts = { all: feeds.length, attention: 0, pending: 0, ok: 0, 'not-modified': 0, failing: 0, 'backing-off': 0 };
  for (const feed of feeds) {
    counts[feed.health] += 1;
    if (needsAttention(feed)) counts.attention += 1;
  }
  return counts;
}

export const isRunning = (run: ImportRun | null): run is ImportRun & { finishedAt: null } => run !== null && run.finishedAt === null;

/** Share of the run's feeds done, 0–100 (a run with no feeds is complete). */
export function percentDone(run: ImportRun): number {
  if (run.total <= 0) return 100;
  return Math.min(100, Math.round((run.done / run.total) * 100));
}

export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const UNITS: [RelativeUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/**
 * `iso` relative to `now` in the largest whole unit, negative in the past, for
 * `Intl.RelativeTimeFormat`; null when there is no date or it cannot be read.
 */
export function relativeTo(iso: string | null, now: Date): { value: number; unit: RelativeUnit } | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const delta = time - now.getTime();
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) return { value: Math.trunc(delta / size), unit };
  }
  return { value: 0, unit: 'second' };
}
