import { createHash } from 'node:crypto';

const MAX_URL = 2000;
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$/i;

/**
 * An item's link as stored and compared: absolute, http(s) only, without fragment or
 * tracking parameters (so the same post reached through two feeds has one link).
 */
export function normaliseLink(value: string | null | undefined, base: string): string | null {
  if (!value || !value.trim()) return null;
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
  const href = url.href.replace(/\?$/, '');
  return href.length <= MAX_URL ? href : null;
}

/** An absolute http(s) URL for an image or page, or null. */
export function webUrl(value: string | null | undefined, base: string): string | null {
  if (!value || !value.trim()) return null;
  try {
    const url = new URL(value.trim(), base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= MAX_URL ? url.href : null;
  } catch {
    return null;
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A hash of exactly the values given, in a fixed order, so any stored change shows. */
export function contentHash(values: Record<string, unknown>): string {
  const keys = Object.keys(values).sort();
  return sha256(JSON.stringify(keys.map((key) => [key, values[key] ?? null])));
}

/**
 * The item's de-duplication key: its GUID/id, else its link, else a hash of its title,
 * date and summary. A GUID too long to store is hashed.
 */
export function itemKey(item: { guid: string | null; link: string | null; title: string; publishedAt: string | null; summaryHtml: string | null }): string {
  if (item.guid) return item.guid.length <= MAX_URL ? item.guid : `sha256:${sha256(item.guid)}`;
  if (item.link) return item.link;
  return `sha256:${sha256(JSON.stringify([item.title, item.publishedAt, item.summaryHtml]))}`;
}
