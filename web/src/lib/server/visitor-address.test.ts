import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { visitorAddressHeader } from './visitor-address';

const SECRET = 'a-secret-of-sufficient-length';

describe('visitorAddressHeader', () => {
  it('signs the address and the time with the shared secret', () => {
    const now = Date.UTC(2026, 10, 2, 12, 0, 0, 750);
    const header = visitorAddressHeader('203.0.113.7', SECRET, now);
    const seconds = Math.floor(now / 1000);
    const expected = createHmac('sha256', SECRET).update(`visitor-address;203.0.113.7;${seconds}`).digest('base64url');
    expect(header).toBe(`203.0.113.7;${seconds};${expected}`);
  });

  it('vouches for nothing without a usable secret', () => {
    expect(visitorAddressHeader('203.0.113.7', undefined)).toBeUndefined();
    expect(visitorAddressHeader('203.0.113.7', 'short')).toBeUndefined();
  });
});
