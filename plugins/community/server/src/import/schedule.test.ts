import { describe, expect, it } from 'vitest';
import { afterAttempt, isDue } from './schedule';

const HOUR = 3_600_000;
const policy = { backoffAfter: 3, intervalMs: HOUR, maxBackoffMs: 24 * HOUR };
const now = new Date('2026-05-01T10:00:00Z');

describe('afterAttempt', () => {
  it('marks a success ok and due again after the interval', () => {
    expect(afterAttempt(5, { ok: true }, policy, now)).toEqual({ health: 'ok', failures: 0, nextAttemptAt: new Date(now.getTime() + HOUR) });
  });

  it('tells a 304 apart from new content', () => {
    expect(afterAttempt(0, { ok: true, notModified: true }, policy, now).health).toBe('not-modified');
  });

  it('keeps the interval for the first failures, then doubles the delay up to the cap', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 10].map((before) => {
      const next = afterAttempt(before, { ok: false }, policy, now);
      return [next.health, (next.nextAttemptAt.getTime() - now.getTime()) / HOUR];
    });
    expect(delays).toEqual([
      ['failing', 1],
      ['failing', 1],
      ['backing-off', 2],
      ['backing-off', 4],
      ['backing-off', 8],
      ['backing-off', 16],
      ['backing-off', 24],
      ['backing-off', 24],
    ]);
  });
});

describe('isDue', () => {
  it('is due when never tried or when the time has come', () => {
    expect(isDue(null, now)).toBe(true);
    expect(isDue('2026-05-01T10:00:00Z', now)).toBe(true);
    expect(isDue('2026-05-01T10:00:01Z', now)).toBe(false);
  });
});
