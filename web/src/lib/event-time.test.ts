import { describe, expect, it } from 'vitest';
import { formatEventRange as formatRange, formatEventTime, needsViewerTime, zoneLabel } from './event-time';

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

describe('formatEventRange', () => {
  // ICU puts thin or no-break spaces around the range dash; compare the visible text.
  const formatEventRange = (...args: Parameters<typeof formatRange>) => formatRange(...args).replace(/[\u2009\u202f\u00a0]/g, ' ');
  const range = { start: new Date(START), end: new Date('2026-03-03T19:30:00.000Z') };

  it('reads the same event in the event’s zone and in a viewer’s other zone', () => {
    expect(formatEventRange(range, 'Europe/Paris', 'en-GB')).toBe('Tue, 3 Mar 2026, 18:30–20:30 CET');
    expect(formatEventRange(range, 'America/New_York', 'en-GB')).toBe('Tue, 3 Mar 2026, 12:30–14:30 GMT-5');
    expect(formatEventRange(range, 'Asia/Tokyo', 'en-GB')).toBe('Wed, 4 Mar 2026, 02:30–04:30 GMT+9');
  });

  it('follows daylight-saving time: the same instant of day reads an hour later in summer', () => {
    const summer = { start: new Date('2026-03-31T17:30:00.000Z'), end: new Date('2026-03-31T19:30:00.000Z') };
    expect(formatEventRange(summer, 'Europe/Paris', 'en-GB')).toBe('Tue, 31 Mar 2026, 19:30–21:30 CEST');
  });

  it('shows an all-day event’s days, whatever the zone', () => {
    const days = { start: new Date('2026-05-02T00:00:00Z'), end: new Date('2026-05-04T00:00:00Z'), allDay: true };
    expect(formatEventRange(days, 'America/Los_Angeles', 'en-GB')).toBe('Sat, 2 May – Sun, 3 May 2026');
    expect(formatEventRange({ ...days, end: new Date('2026-05-03T00:00:00Z') }, 'Asia/Tokyo', 'en-GB')).toBe('Sat, 2 May 2026');
  });
});

describe('needsViewerTime and zoneLabel', () => {
  const start = new Date(START);

  it('asks for a second line only where the viewer reads another time', () => {
    expect(needsViewerTime(start, 'Europe/Paris', 'America/New_York')).toBe(true);
    expect(needsViewerTime(start, 'Europe/Paris', 'Europe/Berlin')).toBe(false);
    expect(needsViewerTime(start, 'Europe/Paris', 'Europe/Paris')).toBe(false);
    expect(needsViewerTime(start, 'Europe/Paris', null)).toBe(false);
    expect(needsViewerTime(start, 'Europe/Paris', 'Not/AZone')).toBe(false);
  });

  it('names zones as the reader’s language does', () => {
    // CLDR's generic zone names, as its English, French and Arabic data spell them.
    expect(zoneLabel('America/New_York', 'en', start)).toBe('Eastern Time');
    expect(zoneLabel('Europe/Paris', 'fr', start)).toBe('heure d’Europe centrale');
    expect(zoneLabel('Africa/Cairo', 'ar', start)).toBe('توقيت شرق أوروبا');
    expect(zoneLabel('Africa/Casablanca', 'ar', start)).toBe('توقيت المغرب');
    expect(zoneLabel('Bad/Zone', 'en', start)).toBe('Coordinated Universal Time');
    expect(zoneLabel(null, 'ar', start)).toBe('التوقيت العالمي المنسق');
  });
});
