/** An Atom 1.0 feed (RFC 4287), as far as the portal writes one. */
export interface AtomFeed {
  /** A permanent, universally unique IRI (a tag: URI). */
  id: string;
  title: string;
  subtitle?: string | null;
  updated: Date;
  /** The language of the feed's own texts (title, subtitle). */
  lang: string;
  /** Where the feed itself is served. */
  selfUrl: string;
  /** The web page the feed stands for. */
  alternateUrl: string;
  /** The author every entry inherits. */
  author: { name: string; uri?: string | null };
  entries: AtomEntry[];
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  published: Date;
  /** The entry's page on the website. */
  link: string;
  /** Plain text. */
  summary?: string | null;
  author?: { name: string; uri?: string | null } | null;
  /** The language of the entry's texts. */
  lang: string;
  category?: string | null;
}

export const GENERATOR = 'Chapterhouse';

// Characters XML 1.0 does not allow at all (controls other than tab and line ends, lone surrogates, U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text made safe for XML content and attribute values. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** RFC 3339 in UTC, to the second. */
const date = (value: Date) => value.toISOString().replace(/\.\d{3}Z$/, 'Z');

function person(tag: string, value: { name: string; uri?: string | null }, indent: string): string {
  const uri = value.uri ? `<uri>${xmlText(value.uri)}</uri>` : '';
  return `${indent}<${tag}><name>${xmlText(value.name)}</name>${uri}</${tag}>\n`;
}

function entry(item: AtomEntry): string {
  let xml = `  <entry xml:lang="${xmlText(item.lang)}">\n`;
  xml += `    <id>${xmlText(item.id)}</id>\n`;
  xml += `    <title type="text">${xmlText(item.title)}</title>\n`;
  xml += `    <updated>${date(item.updated)}</updated>\n`;
  xml += `    <published>${date(item.published)}</published>\n`;
  xml += `    <link rel="alternate" type="text/html" href="${xmlText(item.link)}"/>\n`;
  if (item.author) xml += person('author', item.author, '    ');
  if (item.category) xml += `    <category term="${xmlText(item.category)}"/>\n`;
  if (item.summary) xml += `    <summary type="text">${xmlText(item.summary)}</summary>\n`;
  return `${xml}  </entry>\n`;
}

/** Writes the feed as XML: escaped, UTF-8, the same bytes for the same feed. */
export function renderAtomFeed(feed: AtomFeed): string {
  let xml = '<?xml version="1.0" encoding="utf-8"?>\n';
  xml += `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.lang)}">\n`;
  xml += `  <id>${xmlText(feed.id)}</id>\n`;
  xml += `  <title type="text">${xmlText(feed.title)}</title>\n`;
  if (feed.subtitle) xml += `  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>\n`;
  xml += `  <updated>${date(feed.updated)}</updated>\n`;
  xml += `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>\n`;
  xml += `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternateUrl)}"/>\n`;
  xml += person('author', feed.author, '  ');
  xml += `  <generator>${GENERATOR}</generator>\n`;
  for (const item of feed.entries) xml += entry(item);
  return `${xml}</feed>\n`;
}
