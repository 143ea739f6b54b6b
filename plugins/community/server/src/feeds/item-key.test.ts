import { describe, expect, it } from 'vitest';
import { contentHash, itemKey, normaliseLink, webUrl } from './item-key';

describe('normaliseLink', () => {
  it('makes links absolute and drops fragments and tracking parameters', () => {
    expect(normaliseLink('/2026/11/post/?utm_source=rss&utm_medium=rss&p=1#comments', 'https://Blog.Example.org:443/feed/')).toBe(
      'https://blog.example.org/2026/11/post/?p=1',
    );
    expect(normaliseLink('https://example.org/a?utm_campaign=x', 'https://x.example/')).toBe('https://example.org/a');
  });

  it('refuses anything but http(s)', () => {
    expect(normaliseLink('javascript:alert(1)', 'https://x.example/')).toBeNull();
    expect(normaliseLink('mailto:someone@example.org', 'https://x.example/')).toBeNull();
    expect(normaliseLink('', 'https://x.example/')).toBeNull();
    expect(normaliseLink(`https://example.org/${'a'.repeat(2100)}`, 'https://x.example/')).toBeNull();
  });

  it('webUrl keeps query and fragment', () => {
    expect(webUrl('img.jpg?w=2#x', 'https://example.org/a/')).toBe('https://example.org/a/img.jpg?w=2#x');
    expect(webUrl('data:image/png;base64,AAAA', 'https://example.org/')).toBeNull();
  });
});

describe('itemKey', () => {
  const base = { title: 'Hello', publishedAt: '2026-11-01T10:00:00.000Z', summaryHtml: '<p>Hi</p>' };

  it('is the GUID when there is one, else the link, else a hash of title, date and summary', () => {
    expect(itemKey({ ...base, guid: 'tag:example.org,2026:1', link: 'https://example.org/1' })).toBe('tag:example.org,2026:1');
    expect(itemKey({ ...base, guid: null, link: 'https://example.org/1' })).toBe('https://example.org/1');
    const hashed = itemKey({ ...base, guid: null, link: null });
    expect(hashed).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(itemKey({ ...base, guid: null, link: null })).toBe(hashed);
    expect(itemKey({ ...base, title: 'Hello!', guid: null, link: null })).not.toBe(hashed);
  });

  it('hashes a GUID too long to store', () => {
    expect(itemKey({ ...base, guid: 'x'.repeat(3000), link: null })).toMatch(/^sha256:/);
  });
});

describe('contentHash', () => {
  it('does not depend on the order of the fields but on every value', () => {
    expect(contentHash({ a: 1, b: 'x' })).toBe(contentHash({ b: 'x', a: 1 }));
    expect(contentHash({ a: 1, b: 'x' })).not.toBe(contentHash({ a: 1, b: 'y' }));
    expect(contentHash({ a: null })).not.toBe(contentHash({ a: '' }));
  });
});
