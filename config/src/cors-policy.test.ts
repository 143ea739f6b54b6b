import { describe, expect, it } from 'vitest';
import { corsPolicy } from './cors-policy';

const request = (origin: string | undefined, own = 'http://cms.example.org') => ({
  get: (field: string) => (field.toLowerCase() === 'origin' ? (origin ?? '') : ''),
  origin: own,
});

describe('corsPolicy', () => {
  const policy = corsPolicy({ webUrl: 'https://groups.example.org/', publicUrl: 'https://cms.example.org', extra: ['https://partner.example.net', 'not a url'] });

  it('lets the website, the listed origins and the CMS itself read', () => {
    expect(policy.origin(request('https://groups.example.org'))).toBe('https://groups.example.org');
    expect(policy.origin(request('https://partner.example.net'))).toBe('https://partner.example.net');
    expect(policy.origin(request('https://cms.example.org'))).toBe('https://cms.example.org');
    expect(policy.origin(request('http://cms.example.org'))).toBe('http://cms.example.org');
  });

  it('sends no CORS headers to other origins', () => {
    for (const origin of ['https://evil.example', 'null', 'https://groups.example.org.evil.example', 'https://groups.example.org:444']) {
      expect(policy.origin(request(origin)), origin).toBe('');
      expect(policy.credentials(request(origin)), origin).toBe(false);
      expect(policy.isForeign(request(origin)), origin).toBe(true);
    }
  });

  it('allows credentials from the CMS\'s own origin only', () => {
    expect(policy.credentials(request('https://cms.example.org'))).toBe(true);
    expect(policy.credentials(request('https://groups.example.org'))).toBe(false);
    expect(policy.credentials(request('https://partner.example.net'))).toBe(false);
    expect(policy.credentials(request(undefined))).toBe(false);
    expect(policy.isForeign(request(undefined))).toBe(false);
  });

  it('lets every origin read without credentials when the list holds *', () => {
    const open = corsPolicy({ webUrl: 'https://groups.example.org', publicUrl: '', extra: ['*'] });
    expect(open.origin(request('https://anyone.example'))).toBe('https://anyone.example');
    expect(open.credentials(request('https://anyone.example'))).toBe(false);
    expect(open.credentials(request('http://cms.example.org'))).toBe(true);
  });
});
