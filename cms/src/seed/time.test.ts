import { describe, expect, it } from 'vitest';
import { addDays, wallTimeToInstant } from './time';

describe('wallTimeToInstant', () => {
  it('reads a wall-clock time in the given zone, whatever the process zone', () => {
    expect(wallTimeToInstant('2027-01-12', '18:30', 'Europe/Paris').toISOString()).toBe('2027-01-12T17:30:00.000Z');
    expect(wallTimeToInstant('2027-07-12', '18:30', 'Europe/Paris').toISOString()).toBe('2027-07-12T16:30:00.000Z');
    expect(wallTimeToInstant('2027-03-03', '09:00', 'Asia/Kolkata').toISOString()).toBe('2027-03-03T03:30:00.000Z');
    expect(wallTimeToInstant('2027-01-01', '00:00', 'Pacific/Auckland').toISOString()).toBe('2026-12-31T11:00:00.000Z');
  });

  it('moves a time skipped by a daylight-saving jump forward', () => {
    // 2027-03-28 02:30 does not exist in Paris (clocks go from 02:00 to 03:00).
    expect(wallTimeToInstant('2027-03-28', '02:30', 'Europe/Paris').toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });
});

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays(new Date('2026-12-30T23:00:00Z'), 3)).toBe('2027-01-02');
    expect(addDays(new Date('2026-03-01T00:00:00Z'), -1)).toBe('2026-02-28');
  });
});
