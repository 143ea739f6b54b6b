import { describe, expect, it } from 'vitest';
import { acceptsGzip, freshSeconds, matchingTag, notModifiedSince } from './http';

describe('matchingTag', () => {
  const tags = ['"abc-gz"', '"abc"'];

  it('finds the tag the client holds, weak or strong, in a list', () => {
    expect(matchingTag('"abc"', tags)).toBe('"abc"');
    expect(matchingTag('"old", W/"abc-gz"', tags)).toBe('"abc-gz"');
    expect(matchingTag('*', tags)).toBe('"abc-gz"');
  });

  it('finds nothing for a stale copy or no header', () => {
    expect(matchingTag('"old"', tags)).toBeUndefined();
    expect(matchingTag(null, tags)).toBeUndefined();
    expect(matchingTag('', tags)).toBeUndefined();
  });
});

describe('acceptsGzip', () => {
  it('reads Accept-Encoding, honouring q=0', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0, br')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });
});

describe('freshSeconds', () => {
  it('is the max-age, or 0 when the response must be revalidated', () => {
    expect(freshSeconds('public, max-age=60')).toBe(60);
    expect(freshSeconds('Max-Age=5')).toBe(5);
    expect(freshSeconds('public, max-age=60, no-cache')).toBe(0);
    expect(freshSeconds('no-store')).toBe(0);
    expect(freshSeconds('max-age=abc')).toBe(0);
    expect(freshSeconds(null)).toBe(0);
  });
});

describe('notModifiedSince', () => {
  const lastModified = new Date('2026-03-03T17:30:00.750Z');

  it('holds when the client’s copy is from the same second or later', () => {
    expect(notModifiedSince('Tue, 03 Mar 2026 17:30:00 GMT', lastModified)).toBe(true);
    expect(notModifiedSince('Wed, 04 Mar 2026 08:00:00 GMT', lastModified)).toBe(true);
  });

  it('fails for an older copy, no header or a header that is not a date', () => {
    expect(notModifiedSince('Tue, 03 Mar 2026 17:29:59 GMT', lastModified)).toBe(false);
    expect(notModifiedSince(undefined, lastModified)).toBe(false);
    expect(notModifiedSince('yesterday', lastModified)).toBe(false);
  });
});
