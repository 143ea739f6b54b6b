import { describe, expect, it } from 'vitest';
import { policyFor, securityHeaders, withSecurityHeaders } from './security-headers';

const HTTPS = new URL('https://groups.example.org/en');
const HTTP = new URL('http://localhost:3000/en');
const POLICY = "default-src 'self'; img-src 'self' data: https:; frame-ancestors 'none'";

describe('security headers', () => {
  it('always forbid sniffing and framing and keep paths out of cross-origin referrers', () => {
    for (const site of [HTTP, HTTPS]) {
      const headers = new Map(securityHeaders(site));
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('ask for HSTS only on an https site', () => {
    expect(new Map(securityHeaders(HTTPS)).get('strict-transport-security')).toBe('max-age=63072000');
    expect(new Map(securityHeaders(HTTP)).has('strict-transport-security')).toBe(false);
  });

  it('let an http site show http images and leave an https site’s policy as built', () => {
    expect(policyFor(HTTP, POLICY)).toBe("default-src 'self'; img-src 'self' data: https: http:; frame-ancestors 'none'");
    expect(policyFor(HTTP, policyFor(HTTP, POLICY))).toBe(policyFor(HTTP, POLICY));
    expect(policyFor(HTTPS, POLICY)).toBe(POLICY);
  });

  it('are set on answers whose headers are read-only, through a copy with the same status and location', () => {
    const redirect = Response.redirect('http://localhost:3000/en', 302);
    expect(() => redirect.headers.set('x', 'y')).toThrow(TypeError);
    const secured = withSecurityHeaders(redirect, HTTP);
    expect(secured.status).toBe(302);
    expect(secured.headers.get('location')).toBe('http://localhost:3000/en');
    expect(secured.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('add to a mutable answer in place', () => {
    const page = new Response('<p>hi</p>', { headers: { 'content-security-policy': POLICY } });
    expect(withSecurityHeaders(page, HTTP)).toBe(page);
    expect(page.headers.get('content-security-policy')).toContain('https: http:');
  });
});
