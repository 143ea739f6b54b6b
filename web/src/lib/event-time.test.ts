import { describe, expect, it } from 'vitest';
import { formatEventTime } from './event-time';

// 2026-03-03T17:30Z is 18:30 in Paris (CET, UTC+1) and 02:30 the next day in Tokyo.
const START = '2026-03-03T17:30:00.000Z';

describe('formatEventTime', () => {
  it('shows the wall-clock time in the event’s zone, with the zone', () => {
    expect(formatEventTime(START, 'Europe/Paris', 'en-GB')).toBe('Tue, 3 Mar 2026, 18:30 CET');
    expect(formatEventTime(START, 'Europe/Paris', 'fr')).toMatch(/^mar\. 3 mars 2026.* 18:30 UTC\+1$/);
    expect(formatEventTime(START, 'Asia/Tokyo', 'ja')).toMatch(/2026年3月4日\(水\).*2:30 JST$/);
  });

  it('does not depend on the server’s time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(formatEventTime(START, 'Europe/Paris', 'en-GB')).toBe('Tue, 3 Mar 2026, 18:30 CET');
    } finally {
      process.env.TZ = before;
    }
  });

  it('falls back to UTC for an unknown zone and keeps an unreadable date as given', () => {
    expect(formatEventTime(START, 'Mars/Olympus_Mons', 'en-GB')).toBe('Tue, 3 Mar 2026, 17:30 UTC');
    expect(formatEventTime('soon', 'Europe/Paris', 'en')).toBe('soon');
  });
});
