import Parser from 'rss-parser';
import { decodeText } from './decode';
import { FeedError } from './feed-error';
import { realCaption } from './captions';
import { itemImages, itemMedia, type ItemImage } from './feed-media';
import { attributes, authorName, first, isoDate, languageTag, list, text } from './feed-values';
import { contentHash, itemKey, normaliseLink } from './item-key';
import { htmlToText, imagesIn, sanitizeFeedHtml } from './sanitize';

export interface FeedItem {
  /** dedupe key: guid, else link, else content hash */
  key: string;
  guid: string | null;
  link: string | null;
  title: string;
  author: string | null;
  /** ISO UTC */
  publishedAt: string | null;
  /** When a photo was taken (Flickr's dc:date.Taken), ISO UTC; null when the feed does not say. */
  takenAt: string | null;
  /** sanitized */
  summaryHtml: string | null;
  /** Plain text, at most EXCERPT_LENGTH characters cut at a word: from the full content when the feed carries it. */
  excerpt: string | null;
  /** The whole post, sanitized, when the feed carries it (content:encoded, Atom content). */
  contentHtml: string | null;
  imageUrl: string | null;
  /** Every picture of the item in order (an album), each with its own alt text. */
  images: ItemImage[];
  thumbnailUrl: string | null;
  /** the item's own, BCP 47 */
  language: string | null;
  contentHash: string;
}

export interface ParsedFeed {
  title: string | null;
  link: string | null;
  /** feed-level */
  language: string | null;
  items: FeedItem[];
}

export interface ParseFeedOptions {
  /** The address the feed was fetched from (after redirects): the base of relative links. */
  url: string;
  contentType: string | null;
  kind: 'blog' | 'photos';
}

type RawItem = Record<string, unknown>;
type RawFeed = Record<string, unknown> & { items: RawItem[] };

const keep = (from: string, to: string) => [from, to, { keepArray: true }];

const PARSER_OPTIONS = {
  xml2js: {
    // rss-parser throws on an Atom entry whose date it cannot read; these two are read here instead.
    tagNameProcessors: [(name: string) => (name === 'published' || name === 'updated' ? `atom-${name}` : name)],
  },
  customFields: {
    feed: [keep('$', 'attributes'), keep('link', 'links'), ['dc:language', 'dcLanguage'], 'language'],
    item: [
      keep('$', 'attributes'),
      keep('link', 'links'),
      keep('content', 'rawContent'),
      keep('summary', 'rawSummary'),
      keep('description', 'rawDescription'),
      ['content:encoded', 'contentEncoded'],
      keep('media:content', 'mediaContent'),
      keep('media:thumbnail', 'mediaThumbnail'),
      keep('media:group', 'mediaGroup'),
      ['media:title', 'mediaTitle'],
      ['media:credit', 'mediaCredit'],
      keep('enclosure', 'enclosures'),
      keep('author', 'rawAuthor'),
      ['atom-published', 'atomPublished'],
      ['atom-updated', 'atomUpdated'],
      ['dc:language', 'dcLanguage'],
      ['dc:creator', 'dcCreator'],
      ['dc:date', 'dcDate'],
      ['dc:date.Taken', 'dcDateTaken'],
    ],
  },
};

const MAX_TITLE = 500;
const MAX_SUMMARY_TEXT = 1000;
const EXCERPT = 300;
export const EXCERPT_LENGTH = EXCERPT;
// Headings and captions open many articles; an excerpt starts at the first real paragraph.
const PARAGRAPH = 60;

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function resolveBase(value: unknown, base: string): string {
  const raw = typeof value === 'string' ? value.trim() : '';
  if (!raw) return base;
  try {
    return new URL(raw, base).href;
  } catch {
    return base;
  }
}

/** The document's root element name, after the prolog; `html` for web pages. */
function rootElement(source: string): string | null {
  const rest = source.replace(/^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE\s+html[^>]*>)*/i, '');
  if (/^<!DOCTYPE\s+html/i.test(rest)) return 'html';
  const doctype = /^<!DOCTYPE\s+([^\s[>]+)/i.exec(rest);
  if (doctype) return doctype[1]!.toLowerCase() === 'html' ? 'html' : doctype[1]!;
  const element = /^<([A-Za-z_][\w.:-]*)/.exec(rest);
  return element ? element[1]! : null;
}

/** A long summary (a whole article in the feed) is cut to a plain-text excerpt. */
function summary(html: string | null, base: string): string | null {
  if (!html || !html.trim()) return null;
  const clean = sanitizeFeedHtml(html, base);
  const plain = htmlToText(clean);
  if (!plain && !/<img\s/i.test(clean)) return null;
  if (plain.length <= MAX_SUMMARY_TEXT) return clean;
  const lines = plain.split('\n').map((line) => line.trim()).filter(Boolean);
  const from = Math.max(0, lines.findIndex((line) => line.length >= PARAGRAPH));
  const text = lines.slice(from).join(' ');
  const cut = text.length > EXCERPT ? `${text.slice(0, EXCERPT).replace(/\s+\S*$/, '')}…` : text;
  return `<p>${escapeHtml(cut)}</p>`;
}

/** What an excerpt should not open with: headings, captions and the ellipsis WordPress appends to a cut description. */
const NOT_PROSE = /<(h[2-6]|figcaption|pre)\b[^>]*>[\s\S]*?<\/\1>/gi;
const READ_MORE = /\s*(?:\[(?:…|\.\.\.|&hellip;)\]|…|\.\.\.)\s*$/;

/** The plain-text opening of an item, cut at a word before EXCERPT characters and ended with an ellipsis when cut. */
export function excerptOf(html: string | null, base: string): string | null {
  if (!html || !html.trim()) return null;
  const clean = sanitizeFeedHtml(html, base);
  const prose = htmlToText(clean.replace(NOT_PROSE, ' ')) || htmlToText(clean);
  const joined = prose.split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
  const trimmed = joined.replace(READ_MORE, '');
  if (!trimmed) return null;
  const wasCut = trimmed !== joined;
  if (trimmed.length <= EXCERPT) return wasCut ? `${trimmed}…` : trimmed;
  // The character after the cut shows whether the last word is whole.
  const space = trimmed.slice(0, EXCERPT + 1).lastIndexOf(' ');
  // A word longer than half the excerpt (a URL, say) is cut where it falls.
  const head = space > EXCERPT / 2 ? trimmed.slice(0, space) : trimmed.slice(0, EXCERPT);
  return `${head.replace(/[\s,;:–—-]+$/, '')}…`;
}

function plainTitle(value: unknown): string {
  const raw = text(value);
  return raw ? htmlToText(raw).replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE) : '';
}

/** An Atom text construct as HTML: `html` as is, `xhtml` as rss-parser rebuilt it, `text` escaped. */
function atomHtml(element: unknown, rebuilt: unknown): string | null {
  if (element === undefined) return null;
  const attrs = attributes(element);
  if (attrs.src) return null;
  const type = (attrs.type ?? 'text').toLowerCase();
  if (type === 'xhtml') return typeof rebuilt === 'string' ? rebuilt : null;
  const value = text(element);
  if (value === null) return null;
  return type === 'html' || type === 'text/html' ? value : escapeHtml(value).replace(/\n/g, '<br>');
}

interface Draft {
  guid: string | null;
  link: string | null;
  title: string;
  author: string | null;
  publishedAt: string | null;
  takenAt: string | null;
  html: string | null;
  contentHtml: string | null;
  /** Only the feed's content element, when it has one. */
  fullHtml: string | null;
  base: string;
  contentBase: string;
  language: string | null;
  media: { imageUrl: string | null; thumbnailUrl: string | null };
  images: ItemImage[];
}

function atomDraft(item: RawItem, feedBase: string): Draft {
  const attrs = (item.attributes as Record<string, string> | undefined) ?? {};
  const base = resolveBase(attrs['xml:base'], feedBase);
  const links = list(item.links).map((link) => ({ attrs: attributes(link), base: resolveBase(attributes(link)['xml:base'], base) }));
  const alternates = links.filter(({ attrs }) => (attrs.rel ?? 'alternate') === 'alternate' && attrs.href);
  const page = alternates.find(({ attrs }) => !attrs.type || /html/i.test(attrs.type)) ?? alternates[0];
  const summaryElement = first(item.rawSummary);
  const contentElement = first(item.rawContent);
  const summaryBase = resolveBase(attributes(summaryElement)['xml:base'], base);
  const contentBase = resolveBase(attributes(contentElement)['xml:base'], base);
  const summaryHtml = atomHtml(summaryElement, item.summary);
  const contentHtml = atomHtml(contentElement, item.content);
  const mediaItem = { ...item, links: list(item.links) };
  const htmlImages = contentHtml ?? summaryHtml;
  return {
    guid: text(item.id)?.trim() || null,
    link: page ? normaliseLink(page.attrs.href, page.base) : null,
    title: plainTitle(item.title),
    author: authorName(item.rawAuthor),
    publishedAt: isoDate(item.atomPublished) ?? isoDate(item.atomUpdated),
    takenAt: null,
    html: summaryHtml ?? contentHtml,
    contentHtml: contentHtml ?? summaryHtml,
    fullHtml: contentHtml,
    base: summaryHtml ? summaryBase : contentBase,
    contentBase: contentHtml ? contentBase : summaryBase,
    language: languageTag(attrs['xml:lang']) ?? languageTag(item.dcLanguage),
    media: itemMedia(mediaItem, base),
    images: itemImages(mediaItem, base, htmlImages ? imagesIn(htmlImages, contentHtml ? contentBase : summaryBase) : []),
  };
}

function rssDraft(item: RawItem, documentUrl: string): Draft {
  const attrs = (item.attributes as Record<string, string> | undefined) ?? {};
  const guid = (text(item.guid) ?? attrs['rdf:about'] ?? '').trim() || null;
  const rawLink = text(first(item.links))?.trim() || null;
  const permalink = guid && /^https?:\/\//i.test(guid) ? guid : null;
  const link = normaliseLink(rawLink, documentUrl) ?? normaliseLink(attrs['rdf:about'], documentUrl) ?? normaliseLink(permalink, documentUrl);
  const base = link ?? documentUrl;
  const description = text(first(item.rawDescription));
  const encoded = text(item.contentEncoded);
  return {
    guid,
    link,
    title: plainTitle(item.title ?? item.mediaTitle),
    author: authorName(item.dcCreator) ?? authorName(item.rawAuthor) ?? authorName(item.mediaCredit),
    publishedAt: isoDate(item.pubDate) ?? isoDate(item.dcDate),
    takenAt: isoDate(item.dcDateTaken),
    html: description ?? encoded,
    contentHtml: encoded ?? description,
    fullHtml: encoded,
    base,
    contentBase: base,
    language: languageTag(item.dcLanguage),
    media: itemMedia(item, base),
    images: itemImages(item, base, encoded ?? description ? imagesIn((encoded ?? description)!, base) : []),
  };
}

function finish(draft: Draft, kind: ParseFeedOptions['kind']): FeedItem | null {
  const summaryHtml = summary(draft.html, draft.base);
  const contentHtml = draft.fullHtml ? sanitizeFeedHtml(draft.fullHtml, draft.contentBase) || null : null;
  const excerpt = contentHtml ? excerptOf(contentHtml, draft.contentBase) : excerptOf(draft.html, draft.base);
  const inlineImage = draft.contentHtml ? (imagesIn(draft.contentHtml, draft.contentBase)[0]?.url ?? null) : null;
  const photos = kind === 'photos';
  const images = photos ? draft.images : [];
  const imageUrl = (photos ? images[0]?.url : null) ?? draft.media.imageUrl ?? inlineImage ?? (photos ? draft.media.thumbnailUrl : null);
  if (photos && !imageUrl) return null;
  if (photos && !images.length) images.push({ url: imageUrl!, thumbnailUrl: draft.media.thumbnailUrl, alt: null });
  const fromSummary = summaryHtml ? htmlToText(summaryHtml).replace(/\s+/g, ' ').slice(0, 80).trim() : '';
  // A photo service's "No caption" or a file name is no title; the website gives an accessible fallback.
  const title = photos ? (realCaption(draft.title) ?? realCaption(fromSummary) ?? '') : draft.title || fromSummary;
  // An item with nothing to show or link to is not worth a record.
  if (!title && !draft.link && !imageUrl) return null;
  const values = {
    guid: draft.guid,
    link: draft.link,
    title,
    author: draft.author,
    publishedAt: draft.publishedAt,
    takenAt: draft.takenAt,
    summaryHtml,
    excerpt,
    contentHtml,
    imageUrl,
    images,
    thumbnailUrl: (photos ? images[0]?.thumbnailUrl : null) ?? draft.media.thumbnailUrl,
    language: draft.language,
  };
  return { key: itemKey(values), ...values, contentHash: contentHash(values) };
}

function xmlError(cause: unknown, source: string, contentType: string | null): FeedError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/not recognized as RSS/i.test(message)) {
    return new FeedError('not-a-feed', 'The address returns an XML document, but not an RSS or Atom feed.', { cause });
  }
  const position = /\nLine:\s*(\d+)/.exec(message);
  if (/Invalid character entity/i.test(message) && /<!ENTITY/i.test(source)) {
    return new FeedError('unsafe-xml', 'The feed defines its own XML entities, which the importer refuses to expand for safety.', { cause });
  }
  if (/^text\/html/i.test(contentType ?? '')) {
    return new FeedError('not-a-feed', 'The address returns a web page, not a feed; use the address of its RSS or Atom feed.', { cause });
  }
  if (position) {
    const reason = message.split('\n')[0]!.trim();
    return new FeedError('malformed', `The feed's XML is broken near line ${Number(position[1]) + 1} (${reason}).`, { cause });
  }
  return new FeedError('malformed', 'The feed could not be read: its structure is not what RSS or Atom prescribe.', { cause });
}

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed from the bytes fetched, into items ready to
 * store: links absolute, HTML sanitized, dates in UTC. Photo feeds keep only items with a
 * picture. Every failure is a FeedError.
 */
export async function parseFeed(body: Buffer, options: ParseFeedOptions): Promise<ParsedFeed> {
  if (!body.length || !body.toString('latin1', 0, 4096).trim()) throw new FeedError('empty', 'The feed address returned nothing.');
  const source = decodeText(body, { contentType: options.contentType, xml: true });
  if (!source.trim()) throw new FeedError('empty', 'The feed address returned nothing.');
  const root = rootElement(source);
  if (root?.toLowerCase() === 'html') {
    throw new FeedError('not-a-feed', 'The address returns a web page, not a feed; use the address of its RSS or Atom feed.');
  }
  if (root === null) throw new FeedError('not-a-feed', 'The address returns something other than XML, so it is not an RSS or Atom feed.');

  let raw: RawFeed;
  try {
    raw = (await new Parser(PARSER_OPTIONS as any).parseString(source)) as unknown as RawFeed;
  } catch (cause) {
    throw xmlError(cause, source, options.contentType);
  }

  const isAtom = root === 'feed' || root.endsWith(':feed');
  const feedAttrs = (raw.attributes as Record<string, string> | undefined) ?? {};
  const feedBase = isAtom ? resolveBase(feedAttrs['xml:base'], options.url) : options.url;
  const feedLink = isAtom
    ? (() => {
        const alternate = list(raw.links)
          .map(attributes)
          .find((attrs) => (attrs.rel ?? 'alternate') === 'alternate' && attrs.href);
        return alternate ? normaliseLink(alternate.href, feedBase) : null;
      })()
    : normaliseLink(text(first(raw.links)), options.url);
  const items = (raw.items ?? [])
    .map((item) => (isAtom ? atomDraft(item, feedBase) : rssDraft(item, options.url)))
    .map((draft) => finish(draft, options.kind))
    .filter((item): item is FeedItem => item !== null);

  return {
    title: plainTitle(raw.title) || null,
    link: feedLink,
    language: languageTag(feedAttrs['xml:lang']) ?? languageTag(raw.language) ?? languageTag(raw.dcLanguage),
    items,
  };
}
