import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { isPublicAddress } from './address-policy';
import { FeedError } from './feed-error';
import { createKeyedLimiter } from './limiter';

export interface FetchPolicy {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** host:port pairs let through despite resolving to a private address (dev fixture server); empty by default */
  allowPrivate: string[];
  concurrency: number;
  perHost: number;
}

export type FetchOutcome =
  | { kind: 'fetched'; body: Buffer; url: string; contentType: string | null; etag: string | null; lastModified: string | null }
  | { kind: 'not-modified'; url: string; etag: string | null; lastModified: string | null };

export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FeedFetcher {
  /** Fetches a feed's bytes; every failure is a rejected FeedError. */
  fetch(url: string, conditional?: Conditional): Promise<FetchOutcome>;
  /** Closes idle kept-alive connections. */
  close(): void;
}

const ACCEPT = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml;q=0.9',
  'text/calendar;q=0.9',
  'application/xml;q=0.8',
  'text/xml;q=0.8',
  '*/*;q=0.1',
].join(', ');
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Target {
  url: URL;
  host: string;
  port: number;
  address: string;
  family: 4 | 6;
}

function hostPort(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname.toLowerCase()}:${port}`;
}

/** `localhost:8484`, `127.0.0.1:8484` or `[::1]:8484`, spelled as a URL spells it. */
function normaliseHostPort(entry: string): string {
  try {
    return hostPort(new URL(`http://${entry.trim()}`));
  } catch {
    return entry.trim().toLowerCase();
  }
}

function checkUrl(text: string | URL): URL {
  let url: URL;
  try {
    url = typeof text === 'string' ? new URL(text) : text;
  } catch {
    throw new FeedError('bad-url', `"${String(text).slice(0, 200)}" is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedError('bad-url', `Only http and https feed addresses can be fetched, not ${url.protocol.replace(/:$/, '')}.`);
  }
  if (url.username || url.password) throw new FeedError('bad-url', 'Feed addresses with a user name or password are not supported.');
  if (!url.hostname) throw new FeedError('bad-url', 'The feed address has no host name.');
  return url;
}

function abortedBy(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new FeedError('timeout', 'The feed took too long to answer.'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

function blocked(url: URL, address: string): FeedError {
  const shown = address === url.hostname.replace(/^\[|\]$/g, '') ? address : `${url.hostname} (${address})`;
  return new FeedError('blocked-address', `The feed address points to ${shown}, a private or reserved network address, which the importer does not contact.`);
}

/** The sentence an editor reads for a low-level network failure. */
function networkError(cause: unknown, url: URL): FeedError {
  if (cause instanceof FeedError) return cause;
  const code = String((cause as { code?: unknown })?.code ?? '');
  const host = url.hostname;
  if (['ENOTFOUND', 'EAI_AGAIN', 'ENODATA', 'EAI_NONAME', 'EAI_FAIL'].includes(code)) {
    return new FeedError('dns', `The feed's host ${host} could not be found.`, { cause });
  }
  if (code === 'ECONNREFUSED') return new FeedError('network', `The server at ${host} refused the connection.`, { cause });
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(String((cause as Error)?.message))) {
    return new FeedError('network', `The connection to ${host} was cut off before the feed arrived.`, { cause });
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new FeedError('network', `The secure connection to ${host} failed: its certificate could not be verified.`, { cause });
  }
  if (code.startsWith('HPE_')) return new FeedError('network', `The server at ${host} did not answer in valid HTTP.`, { cause });
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new FeedError('network', `The server at ${host} cannot be reached.`, { cause });
  return new FeedError('network', `The feed could not be fetched from ${host}${code ? ` (${code})` : ''}.`, { cause });
}

/**
 * Fetches feeds without reaching private networks: each URL and each redirect is resolved,
 * every address checked, and the connection made to the address that was checked.
 */
export function createFeedFetcher(policy: FetchPolicy): FeedFetcher {
  const limiter = createKeyedLimiter(policy.concurrency, policy.perHost);
  const allowed = new Set(policy.allowPrivate.map(normaliseHostPort));
  const agents = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true }),
  };

  async function resolve(url: URL, signal: AbortSignal): Promise<Target> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    const mayBePrivate = allowed.has(hostPort(url));
    let addresses: { address: string; family: number }[];
    if (net.isIP(host)) {
      addresses = [{ address: host, family: net.isIP(host) }];
    } else {
      try {
        addresses = await Promise.race([dns.promises.lookup(host, { all: true, verbatim: true }), abortedBy(signal)]);
      } catch (cause) {
        throw networkError(cause, url);
      }
      if (!addresses.length) throw new FeedError('dns', `The feed's host ${host} could not be found.`);
    }
    if (!mayBePrivate) {
      const refused = addresses.find(({ address }) => !isPublicAddress(address));
      if (refused) throw blocked(url, refused.address);
    }
    const first = addresses[0]!;
    return { url, host, port, address: first.address, family: first.family === 6 ? 6 : 4 };
  }

  function request(target: Target, headers: Record<string, string>, signal: AbortSignal): Promise<http.IncomingMessage> {
    const { url, host, port, address, family } = target;
    const lookup: net.LookupFunction = (_name, options, callback) => {
      // The connection goes to the address that was checked, never to a second resolution.
      if ((options as dns.LookupAllOptions).all) (callback as (e: null, a: dns.LookupAddress[]) => void)(null, [{ address, family }]);
      else (callback as (e: null, a: string, f: number) => void)(null, address, family);
    };
    const options: https.RequestOptions = {
      protocol: url.protocol,
      host,
      port,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers,
      lookup,
      agent: agents[url.protocol as 'http:' | 'https:'],
      signal,
      ...(url.protocol === 'https:' && !net.isIP(host) ? { servername: host } : {}),
    };
    return new Promise((resolveResponse, reject) => {
      const req = (url.protocol === 'https:' ? https : http).request(options, resolveResponse);
      req.on('error', reject);
      req.end();
    });
  }

  function decoder(res: http.IncomingMessage, url: URL): Readable {
    const coding = String(res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (coding === 'identity' || coding === '') return res;
    let stream: zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress;
    if (coding === 'gzip' || coding === 'x-gzip') stream = zlib.createGunzip();
    else if (coding === 'deflate') stream = zlib.createInflate();
    else if (coding === 'br') stream = zlib.createBrotliDecompress();
    else {
      res.destroy();
      throw new FeedError('network', `The server at ${url.hostname} compressed the feed as "${coding}", which the importer cannot read.`);
    }
    res.on('error', (error) => stream.destroy(error));
    return res.pipe(stream);
  }

  async function readBody(res: http.IncomingMessage, url: URL): Promise<Buffer> {
    const tooLarge = () =>
      new FeedError('too-large', `The feed is larger than ${Math.round((policy.maxBytes / 1024 / 1024) * 10) / 10} MiB, the most the importer reads.`);
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > policy.maxBytes) {
      res.destroy();
      throw tooLarge();
    }
    const stream = decoder(res, url);
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream) {
        size += (chunk as Buffer).length;
        // Counted after decompression, so a small compressed bomb stops here too.
        if (size > policy.maxBytes) throw tooLarge();
        chunks.push(chunk as Buffer);
      }
    } catch (cause) {
      if (cause instanceof FeedError) throw cause;
      if (stream !== res && String((cause as { code?: unknown })?.code ?? '').startsWith('Z_')) {
        throw new FeedError('network', `The server at ${url.hostname} sent a compressed feed that could not be decompressed.`, { cause });
      }
      throw networkError(cause, url);
    } finally {
      stream.destroy();
      res.destroy();
    }
    return Buffer.concat(chunks, size);
  }

  async function fetchFeed(text: string, conditional: Conditional): Promise<FetchOutcome> {
    let url = checkUrl(text);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
    const { signal } = controller;
    const headers: Record<string, string> = {
      'user-agent': policy.userAgent,
      accept: ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (conditional.etag) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
    try {
      for (let redirects = 0; ; redirects += 1) {
        const target = await resolve(url, signal);
        let res: http.IncomingMessage;
        try {
          res = await request(target, headers, signal);
        } catch (cause) {
          throw networkError(cause, url);
        }
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (REDIRECTS.has(status) && location) {
          res.destroy();
          if (redirects >= policy.maxRedirects) {
            throw new FeedError('too-many-redirects', `The feed redirected more than ${policy.maxRedirects} times.`);
          }
          let next: URL;
          try {
            next = new URL(location, url);
          } catch {
            throw new FeedError('bad-url', `The feed redirected to "${location.slice(0, 200)}", which is not a web address.`);
          }
          url = checkUrl(next);
          continue;
        }
        const etag = (res.headers.etag as string | undefined) ?? null;
        const lastModified = (res.headers['last-modified'] as string | undefined) ?? null;
        if (status === 304) {
          res.destroy();
          return { kind: 'not-modified', url: url.href, etag: etag ?? conditional.etag ?? null, lastModified: lastModified ?? conditional.lastModified ?? null };
        }
        if (status < 200 || status > 299) {
          res.destroy();
          const reason = res.statusMessage ? ` ${res.statusMessage}` : '';
          throw new FeedError('http-status', `The server answered ${status}${reason} instead of the feed.`, { status });
        }
        const body = await readBody(res, url);
        return { kind: 'fetched', body, url: url.href, contentType: (res.headers['content-type'] as string | undefined) ?? null, etag, lastModified };
      }
    } catch (cause) {
      if (signal.aborted) throw new FeedError('timeout', `The feed did not arrive within ${policy.timeoutMs / 1000} seconds.`, { cause });
      throw networkError(cause, url);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    fetch(text, conditional = {}) {
      let key: string;
      try {
        key = checkUrl(text).hostname.toLowerCase();
      } catch (error) {
        return Promise.reject(error);
      }
      return limiter.run(key, () => fetchFeed(text, conditional));
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
