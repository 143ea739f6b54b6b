import http from 'node:http';
import { inject } from 'vitest';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

async function call<T>(url: string, init: RequestInit = {}): Promise<ApiResponse<T>> {
  // A fresh connection per request: a pooled one can be closed by the server's idle
  // timeout just as it is reused, after a long pause such as a re-seed.
  const headers = new Headers(init.headers);
  headers.set('connection', 'close');
  const response = await fetch(url, { redirect: 'manual', ...init, headers });
  const text = await response.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text, headers: response.headers };
}

const json = (method: string, data: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(data),
});

/** The public content API, as an anonymous visitor calls it. */
export const api = {
  get: <T = any>(path: string, init?: RequestInit) => call<T>(`${inject('cmsUrl')}${path}`, init),
  send: <T = any>(method: string, path: string, data: unknown) => call<T>(`${inject('cmsUrl')}${path}`, json(method, data)),
};

/** Strapi's admin API, as an editor in the admin UI calls it. */
export const admin = {
  get: <T = any>(path: string) =>
    call<T>(`${inject('cmsUrl')}${path}`, { headers: { authorization: `Bearer ${inject('adminToken')}` } }),
  send: <T = any>(method: string, path: string, data?: unknown) =>
    call<T>(`${inject('cmsUrl')}${path}`, json(method, data ?? {}, { authorization: `Bearer ${inject('adminToken')}` })),
};

const CM = '/content-manager/collection-types';

/** Editor actions on documents through the content manager, the way the admin UI does them. */
export const editor = {
  create: (uid: string, data: Record<string, unknown>, locale = 'en') => admin.send('POST', `${CM}/${uid}?locale=${locale}`, data),
  update: (uid: string, documentId: string, data: Record<string, unknown>, locale = 'en') =>
    admin.send('PUT', `${CM}/${uid}/${documentId}?locale=${locale}`, data),
  publish: (uid: string, documentId: string, locale = 'en') =>
    admin.send('POST', `${CM}/${uid}/${documentId}/actions/publish?locale=${locale}`),
  list: (uid: string, query = '') => admin.get(`${CM}/${uid}?${query}`),
};

/** Runs `fn` on every value nested in `value`, keys included. */
export function walk(value: unknown, fn: (key: string | undefined, value: unknown) => void, key?: string) {
  fn(key, value);
  if (Array.isArray(value)) value.forEach((item) => walk(item, fn));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, fn, k);
}

/**
 * An HTTP request sent from a loopback address of the caller's choosing (any 127.x.y.z),
 * so that the CMS's per-address limits count it apart from other suites' requests.
 * The URL is parsed as a browser would send it: spaces and the like percent-encoded, broken escapes kept.
 */
export function requestFrom(
  localAddress: string,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  const bytes = body === undefined ? undefined : Buffer.from(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(url),
      { method, localAddress, headers: { connection: 'close', ...headers, ...(bytes ? { 'content-length': String(bytes.length) } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: response.headers }));
      },
    );
    request.on('error', reject);
    request.end(bytes);
  });
}
