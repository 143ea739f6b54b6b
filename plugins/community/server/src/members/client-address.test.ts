import { describe, expect, it } from 'vitest';
import { normalizeAddress, signature, vouchedAddress } from './client-address';

const SECRET = 'a-secret-of-sufficient-length';
const NOW = Date.UTC(2026, 10, 2, 12, 0, 0);
const seconds = NOW / 1000;
const header = (address: string, at = seconds, secret = SECRET) => `${address};${at};${signature(secret, address, at)}`;

describe('vouchedAddress', () => {
  it('believes an address signed with the shared secret', () => {
    expect(vouchedAddress(header('203.0.113.7'), SECRET, NOW)).toBe('203.0.113.7');
    expect(vouchedAddress(header('2001:DB8::1'), SECRET, NOW)).toBe('2001:db8::1');
    expect(vouchedAddress(header('::ffff:198.51.100.4'), SECRET, NOW)).toBe('198.51.100.4');
  });

  it('ignores a header signed with another secret, altered, or unsigned', () => {
    expect(vouchedAddress(header('203.0.113.7', seconds, 'another-secret-of-good-length'), SECRET, NOW)).toBeUndefined();
    expect(vouchedAddress(header('203.0.113.7').replace('203.0.113.7', '203.0.113.8'), SECRET, NOW)).toBeUndefined();
    expect(vouchedAddress('203.0.113.7', SECRET, NOW)).toBeUndefined();
    expect(vouchedAddress(`203.0.113.7;${seconds};${'A'.repeat(43)}`, SECRET, NOW)).toBeUndefined();
    expect(vouchedAddress(['203.0.113.7'], SECRET, NOW)).toBeUndefined();
  });

  it('ignores a stale signature, and everything when there is no usable secret', () => {
    expect(vouchedAddress(header('203.0.113.7', seconds - 301), SECRET, NOW)).toBeUndefined();
    expect(vouchedAddress(header('203.0.113.7', seconds + 301), SECRET, NOW)).toBeUndefined();
    expect(vouchedAddress(header('203.0.113.7', seconds, ''), '', NOW)).toBeUndefined();
    expect(vouchedAddress(header('203.0.113.7', seconds, 'short'), 'short', NOW)).toBeUndefined();
  });

  it('does not take a host name or other text for an address', () => {
    expect(vouchedAddress(header('abc.def'), SECRET, NOW)).toBeUndefined();
  });
});

describe('normalizeAddress', () => {
  it('counts an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress('127.0.0.1')).toBe('127.0.0.1');
  });
});
