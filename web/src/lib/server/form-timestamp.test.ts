import { describe, expect, it } from 'vitest';
import { createFormStamper } from './form-timestamp';

const limits = { minMs: 3000, maxMs: 86_400_000 };

describe('createFormStamper', () => {
  const stamper = createFormStamper('a secret of at least sixteen characters');

  it('accepts its own stamp once enough time has passed', () => {
    const stamp = stamper.issue(1_000_000);
    expect(stamper.check(stamp, { ...limits, now: 1_005_000 })).toBeUndefined();
    expect(stamper.check(stamp, { ...limits, now: 1_001_000 })).toBe('too-fast');
    expect(stamper.check(stamp, { ...limits, now: 1_000_000 + 86_400_001 })).toBe('expired');
  });

  it('refuses forged, altered and foreign stamps', () => {
    const stamp = stamper.issue(1_000_000);
    const [, nonce, signature] = stamp.split('.');
    expect(stamper.check(`900000.${nonce}.${signature}`, { ...limits, now: 1_005_000 })).toBe('invalid');
    expect(stamper.check(`1000000.${'A'.repeat(12)}.${signature}`, { ...limits, now: 1_005_000 })).toBe('invalid');
    expect(stamper.check('1000000.nope', limits)).toBe('invalid');
    expect(stamper.check(undefined, limits)).toBe('invalid');
    expect(createFormStamper('another secret, sixteen chars+').check(stamp, { ...limits, now: 1_005_000 })).toBe('invalid');
  });

  it('issues a different stamp for every form, even in the same millisecond', () => {
    expect(stamper.issue(1_000_000)).not.toBe(stamper.issue(1_000_000));
  });

  it('makes a random secret when none is configured', () => {
    const a = createFormStamper(undefined);
    const b = createFormStamper('');
    expect(b.check(a.issue(0), { ...limits, now: 5000 })).toBe('invalid');
    expect(a.check(a.issue(0), { ...limits, now: 5000 })).toBeUndefined();
  });
});
