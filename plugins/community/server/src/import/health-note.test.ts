import { describe, expect, it } from 'vitest';
import { leftOutNote } from './health-note';

describe('leftOutNote', () => {
  it('says nothing when the import took everything', () => {
    expect(leftOutNote({ kind: 'blog', total: 12, beyondLimit: 0, outsideWindow: 0, pastDays: 183 })).toBeNull();
  });

  it('counts the calendar events that ended before the window', () => {
    expect(leftOutNote({ kind: 'calendar', total: 4, beyondLimit: 0, outsideWindow: 4, pastDays: 183 })).toBe('4 events ended more than 183 days ago and were not imported.');
    expect(leftOutNote({ kind: 'calendar', total: 0, beyondLimit: 0, outsideWindow: 1, pastDays: 183 })).toBe('1 event ended more than 183 days ago and was not imported.');
  });

  it('says how much of a big feed was taken', () => {
    expect(leftOutNote({ kind: 'blog', total: 20_000, beyondLimit: 19_500, outsideWindow: 0, pastDays: 183 })).toBe('The feed holds 20,000 items; only the newest 500 were imported.');
    expect(leftOutNote({ kind: 'calendar', total: 1200, beyondLimit: 700, outsideWindow: 2, pastDays: 183 })).toBe(
      '2 events ended more than 183 days ago and were not imported. The calendar holds 1,200 events in its window; only the 500 nearest to today were imported.',
    );
  });
});
