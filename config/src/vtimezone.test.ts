import { describe, expect, it } from 'vitest';
import { vtimezone } from './vtimezone';

describe('vtimezone', () => {
  it('describes a zone’s daylight-saving changes as yearly rules from the year before the first one used', () => {
    expect(vtimezone('Europe/Paris', { from: 2026, to: 2027 })).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Paris',
      'BEGIN:DAYLIGHT',
      'DTSTART:20250330T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20251026T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    expect(vtimezone('America/New_York', { from: 2026, to: 2026 })).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(vtimezone('Australia/Sydney', { from: 2026, to: 2026 })).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU');
  });

  it('gives a zone without changes one standard observance', () => {
    expect(vtimezone('Asia/Tokyo', { from: 2026, to: 2026 })).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Tokyo',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0900',
      'TZOFFSETTO:+0900',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    expect(vtimezone('Asia/Kolkata', { from: 2026, to: 2026 })).toContain('TZOFFSETTO:+0530');
  });

  it('ends the old rules when a zone stops changing its clocks', () => {
    // Mexico City dropped daylight-saving time after 2022.
    const lines = vtimezone('America/Mexico_City', { from: 2021, to: 2026 });
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20220403T080000Z');
    expect(lines.slice(-6)).toEqual([
      'BEGIN:STANDARD',
      'DTSTART:20230101T000000',
      'TZOFFSETFROM:-0600',
      'TZOFFSETTO:-0600',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('is the same whatever the server’s time zone', () => {
    const before = process.env.TZ;
    const here = vtimezone('America/Santiago', { from: 2025, to: 2027 });
    process.env.TZ = 'Pacific/Auckland';
    try {
      expect(vtimezone('America/Santiago', { from: 2025, to: 2028 }).slice(0, 4)).toEqual(here.slice(0, 4));
    } finally {
      process.env.TZ = before;
    }
  });
});
