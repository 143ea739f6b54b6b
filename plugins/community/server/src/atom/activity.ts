import { htmlToText, plainText, safeTimeZone } from '@chapterhouse/config';
import type { AtomEntry } from './atom-feed';

/**
 * One thing that happened in the community, from any source: a new group, a new event,
 * and (once the importer stores them) a post from a group's blog. Each source maps its own
 * records onto this shape; the feed merges them.
 */
export interface ActivityEntry {
  /** What kind of record this is (`group`, `event`, `post`…): part of the entry's id. */
  kind: string;
  /** The record's permanent id within its kind. */
  key: string;
  title: string;
  summary: string | null;
  published: Date;
  updated: Date;
  /** The page on the website (or the post's own page). */
  link: string;
  /** Who the entry is by; the feed's author when absent. */
  author: string | null;
  /** The language of title and summary. */
  lang: string;
}

/** The date in every tag: URI we mint (RFC 4151): fixed, so that ids never change. */
export const TAG_DATE = '2026';

/** A permanent id for an entry or a feed: `tag:groups.example.org,2026:event:abc123`. */
export function tagUri(host: string, ...parts: string[]): string {
  return `tag:${host},${TAG_DATE}:${parts.map((part) => encodeURIComponent(part)).join(':')}`;
}

const SUMMARY_LENGTH = 400;
const cut = (text: string) => (text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1).trimEnd()}…` : text);

/** Markdown as a one-paragraph plain-text summary. */
export function summaryText(markdown: string | null | undefined): string | null {
  const text = plainText(markdown ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return cut(text);
}

/**
 * An imported post's summary: its plain-text excerpt (taken from the whole post when the feed
 * carries it), else the text of the feed's own summary HTML — never read as Markdown.
 */
export function postSummary(excerpt: unknown, summaryHtml: unknown): string | null {
  const text = (typeof excerpt === 'string' && excerpt.trim() ? excerpt : htmlToText(typeof summaryHtml === 'string' ? summaryHtml : ''))
    .replace(/\s+/g, ' ')
    .trim();
  return text ? cut(text) : null;
}

/** When an event takes place, in its own zone and the entry's language: "3 Mar 2026, 18:30 (Europe/Paris)". */
export function eventWhen(start: Date, timeZone: string | null | undefined, allDay: boolean, lang: string): string {
  const zone = allDay ? 'UTC' : safeTimeZone(timeZone);
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(lang, allDay ? { dateStyle: 'medium', timeZone: zone } : { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  } catch {
    format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  }
  return allDay ? format.format(start) : `${format.format(start)} (${zone})`;
}

/**
 * The newest entries of all sources together: by publication, newest first, ties by id,
 * at most `limit`.
 */
export function latestActivity(sources: ActivityEntry[][], limit: number): ActivityEntry[] {
  return sources
    .flat()
    .sort(
      (a, b) =>
        b.published.getTime() - a.published.getTime() ||
        (`${a.kind}:${a.key}` < `${b.kind}:${b.key}` ? -1 : `${a.kind}:${a.key}` > `${b.kind}:${b.key}` ? 1 : 0),
    )
    .slice(0, limit);
}

export function toAtomEntry(entry: ActivityEntry, host: string): AtomEntry {
  return {
    id: tagUri(host, entry.kind, entry.key),
    title: entry.title,
    updated: entry.updated.getTime() < entry.published.getTime() ? entry.published : entry.updated,
    published: entry.published,
    link: entry.link,
    summary: entry.summary,
    author: entry.author ? { name: entry.author } : null,
    lang: entry.lang,
    category: entry.kind,
  };
}
