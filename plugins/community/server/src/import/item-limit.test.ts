import { describe, expect, it } from 'vitest';
import { nearestEvents, newestItems } from './item-limit';

describe('newestItems', () => {
  it('keeps a feed within the limit as it is', () => {
    const items = [{ publishedAt: '2026-01-02T00:00:00Z' }, { publishedAt: null }];
    expect(newestItems(items, 2)).toEqual({ items, leftOut: 0 });
  });

  it('takes the newest by date, whatever the feed order, undated ones last', () => {
    const item = (id: string, publishedAt: string | null) => ({ id, publishedAt });
    const items = [item('b', '2026-03-01T10:00:00Z'), item('x', null), item('d', '2026-05-01T10:00:00Z'), item('a', '2026-01-01T10:00:00Z'), item('c', '2026-04-01T10:00:00+02:00')];
    expect(newestItems(items, 3)).toEqual({ items: [items[2], items[4], items[0]], leftOut: 2 });
    expect(newestItems(items, 5).leftOut).toBe(0);
    expect(newestItems([item('y', null), ...items], 5).items.map((i) => i.id)).toEqual(['d', 'c', 'b', 'a', 'y']);
  });
});

describe('nearestEvents', () => {
  const now = new Date('2026-11-15T12:00:00Z');
  const event = (id: string, startsAt: string, endsAt: string, recurrence: string | null = null) => ({ id, startsAt, endsAt, recurrence });

  it('takes series and events not over yet (soonest first), then the latest past ones', () => {
    const items = [
      event('past-old', '2026-06-01T10:00:00Z', '2026-06-01T12:00:00Z'),
      event('next-year', '2027-03-01T10:00:00Z', '2027-03-01T12:00:00Z'),
      event('series', '2025-01-07T18:00:00Z', '2025-01-07T20:00:00Z', 'FREQ=WEEKLY'),
      event('past-recent', '2026-11-10T10:00:00Z', '2026-11-10T12:00:00Z'),
      event('now', '2026-11-15T11:00:00Z', '2026-11-15T13:00:00Z'),
      event('soon', '2026-11-20T10:00:00Z', '2026-11-20T12:00:00Z'),
    ];
    expect(nearestEvents(items, now, 5).items.map((e) => e.id)).toEqual(['series', 'now', 'soon', 'next-year', 'past-recent']);
    expect(nearestEvents(items, now, 5).leftOut).toBe(1);
    expect(nearestEvents(items, now, 3).items.map((e) => e.id)).toEqual(['series', 'now', 'soon']);
  });
});
