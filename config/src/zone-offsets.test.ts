import { describe, expect, it } from 'vitest';
import { tabledOffsetAt, tabledWallTime, zoneTransitions } from './zone-offsets';
import { offsetAt, wallTime } from './zoned-time';

describe('zone offsets read from a table of changes', () => {
  it('finds every change of a year to the second', () => {
    expect(zoneTransitions('Europe/Paris', 2026)).toEqual([
      { at: Date.parse('2026-03-29T01:00:00Z'), from: 3_600_000, to: 7_200_000 },
      { at: Date.parse('2026-10-25T01:00:00Z'), from: 7_200_000, to: 3_600_000 },
    ]);
    expect(zoneTransitions('Asia/Tokyo', 2026)).toEqual([]);
  });

  it('agrees with asking Intl, around the changes and across zones', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago', 'Pacific/Chatham'];
    const instants = [Date.parse('2026-03-29T00:59:59Z'), Date.parse('2026-03-29T01:00:00Z'), Date.parse('2026-10-04T15:30:00Z')];
    for (let t = Date.parse('2025-12-31T12:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 7 * 3_600_000 + 123_000) instants.push(t);
    for (const zone of zones) {
      for (const instant of instants) {
        expect(tabledOffsetAt(instant, zone), `${zone} ${new Date(instant).toISOString()}`).toBe(offsetAt(instant, zone));
      }
      expect(tabledWallTime(new Date(instants[5]!), zone)).toEqual(wallTime(new Date(instants[5]!), zone));
    }
  });
});
