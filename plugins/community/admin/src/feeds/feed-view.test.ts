import { describe, expect, it } from 'vitest';
import { countByFilter, filterFeeds, isRunning, percentDone, relativeTo, type FeedHealth, type FeedStatus, type ImportRun } from './feed-view';

const feed = (health: FeedHealth, url: string): FeedStatus => ({
  id: 1,
  group: { slug: 'paris-user-group', name: 'Paris User Group' },
  url,
  title: null,
  kind: 'blog',
  health,
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  failures: 0,
  nextAttemptAt: null,
  itemsImported: 0,
  leftOut: { outsideWindow: 0, beyondLimit: 0 },
  note: null,
});

const FEEDS = [feed('ok', 'a'), feed('failing', 'b'), feed('backing-off', 'c'), feed('not-modified', 'd'), feed('pending', 'e'), feed('ok', 'f')];

describe('the health filter', () => {
  it('shows every feed, the ones needing attention, or one health', () => {
    expect(filterFeeds(FEEDS, 'all').map((f) => f.url)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(filterFeeds(FEEDS, 'attention').map((f) => f.url)).toEqual(['b', 'c']);
    expect(filterFeeds(FEEDS, 'ok').map((f) => f.url)).toEqual(['a', 'f']);
    expect(filterFeeds(FEEDS, 'backing-off').map((f) => f.url)).toEqual(['c']);
  });

  it('counts what each choice would show', () => {
    expect(countByFilter(FEEDS)).toEqual({ all: 6, attention: 2, ok: 2, failing: 1, 'backing-off': 1, 'not-modified': 1, pending: 1 });
    expect(countByFilter([]).all).toBe(0);
  });
});

describe('import progress', () => {
  const run = (done: number, total: number, finishedAt: string | null = null): ImportRun => ({
    id: 'r',
    startedAt: '2026-11-23T10:00:00.000Z',
    finishedAt,
    total,
    done,
    failed: 0,
  });

  it('is running until the run has finished', () => {
    expect(isRunning(null)).toBe(false);
    expect(isRunning(run(3, 12))).toBe(true);
    expect(isRunning(run(12, 12, '2026-11-23T10:01:00.000Z'))).toBe(false);
  });

  it('gives the share of feeds done, a run without feeds being complete', () => {
    expect(percentDone(run(3, 12))).toBe(25);
    expect(percentDone(run(1, 3))).toBe(33);
    expect(percentDone(run(0, 0))).toBe(100);
  });
});

describe('relative dates', () => {
  const now = new Date('2026-11-23T12:00:00.000Z');

  it('uses the largest whole unit, in the past or the future', () => {
    expect(relativeTo('2026-11-23T11:58:30.000Z', now)).toEqual({ value: -1, unit: 'minute' });
    expect(relativeTo('2026-11-23T09:00:00.000Z', now)).toEqual({ value: -3, unit: 'hour' });
    expect(relativeTo('2026-11-23T13:00:00.000Z', now)).toEqual({ value: 1, unit: 'hour' });
    expect(relativeTo('2026-11-20T12:00:00.000Z', now)).toEqual({ value: -3, unit: 'day' });
    expect(relativeTo('2026-11-23T12:00:00.400Z', now)).toEqual({ value: 0, unit: 'second' });
  });

  it('has nothing to say without a readable date', () => {
    expect(relativeTo(null, now)).toBeNull();
    expect(relativeTo('not a date', now)).toBeNull();
  });
});
