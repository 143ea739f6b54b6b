import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cachedRepresentation, sendCached, type ResponseContext } from './cached-representation';

function context(headers: Record<string, string>): ResponseContext & { headers: Record<string, string> } {
  const sent: Record<string, string> = {};
  return {
    headers: sent,
    get: (field) => headers[field.toLowerCase()] ?? '',
    set: (field, value) => {
      sent[field.toLowerCase()] = value;
    },
    status: 200,
    type: '',
    body: undefined,
  };
}

const representation = cachedRepresentation('{"type":"FeatureCollection","features":[]}');
const options = { type: 'application/geo+json', cacheControl: 'public, max-age=60' };

describe('cachedRepresentation', () => {
  it('derives strong tags from the content, distinct for the gzipped bytes', () => {
    const again = cachedRepresentation('{"type":"FeatureCollection","features":[]}');
    expect(again.etag).toBe(representation.etag);
    expect(representation.etag).toMatch(/^"[\w-]+"$/);
    expect(representation.gzipEtag).not.toBe(representation.etag);
    expect(cachedRepresentation('{}').etag).not.toBe(representation.etag);
    expect(gunzipSync(representation.gzip).equals(representation.body)).toBe(true);
  });
});

describe('sendCached', () => {
  it('sends the gzipped bytes to a client that accepts them', () => {
    const ctx = context({ 'accept-encoding': 'gzip' });
    sendCached(ctx, representation, options);
    expect(ctx.status).toBe(200);
    expect(ctx.body).toBe(representation.gzip);
    expect(ctx.type).toBe('application/geo+json');
    expect(ctx.headers).toMatchObject({
      'content-encoding': 'gzip',
      etag: representation.gzipEtag,
      vary: 'Accept-Encoding',
      'cache-control': 'public, max-age=60',
    });
  });

  it('sends the plain bytes otherwise', () => {
    const ctx = context({});
    sendCached(ctx, representation, options);
    expect(ctx.body).toBe(representation.body);
    expect(ctx.headers.etag).toBe(representation.etag);
    expect(ctx.headers['content-encoding']).toBeUndefined();
  });

  it('answers 304 without a body when the client holds either copy, repeating its tag', () => {
    const ctx = context({ 'accept-encoding': 'gzip', 'if-none-match': representation.etag });
    sendCached(ctx, representation, options);
    expect(ctx.status).toBe(304);
    expect(ctx.body).toBeNull();
    expect(ctx.headers.etag).toBe(representation.etag);
    expect(ctx.headers['cache-control']).toBe('public, max-age=60');
  });

  it('sends the body when the client holds an older copy', () => {
    const ctx = context({ 'if-none-match': '"older"' });
    sendCached(ctx, representation, options);
    expect(ctx.status).toBe(200);
    expect(ctx.body).toBe(representation.body);
  });
});
