import { realCaption } from './captions';
import { attributes, first, list, text } from './feed-values';
import { webUrl } from './item-key';
import { htmlToText } from './sanitize';

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;
// WordPress.com puts the author's avatar first among an item's media; it is not the post's picture.
const AVATAR_HOST = /(^|\.)gravatar\.com$/i;

interface Candidate {
  url: string;
  width: number;
}

function isImage(attrs: Record<string, string>): boolean {
  const medium = attrs.medium?.toLowerCase();
  const type = attrs.type?.toLowerCase();
  if (medium) return medium === 'image';
  if (type) return type.startsWith('image/');
  return IMAGE_FILE.test(attrs.url ?? attrs.href ?? '');
}

function candidate(attrs: Record<string, string>, base: string, key: 'url' | 'href' = 'url'): Candidate | null {
  const url = webUrl(attrs[key], base);
  if (!url || AVATAR_HOST.test(new URL(url).hostname)) return null;
  const width = Number(attrs.width);
  return { url, width: Number.isFinite(width) ? width : 0 };
}

function widest(candidates: (Candidate | null)[]): string | null {
  const found = candidates.filter((c): c is Candidate => c !== null);
  if (!found.length) return null;
  // Stable: among equal widths the first listed wins.
  return found.reduce((best, c) => (c.width > best.width ? c : best)).url;
}

/**
 * The picture and thumbnail an item names through Media RSS (media:content,
 * media:thumbnail, media:group), RSS enclosures or Atom enclosure links.
 */
export function itemMedia(item: Record<string, unknown>, base: string): { imageUrl: string | null; thumbnailUrl: string | null } {
  const groups = list(item.mediaGroup);
  const contents = [...list(item.mediaContent), ...groups.flatMap((group) => list((group as Record<string, unknown>)['media:content']))];
  const thumbnails = [
    ...list(item.mediaThumbnail),
    ...groups.flatMap((group) => list((group as Record<string, unknown>)['media:thumbnail'])),
    ...contents.flatMap((content) => list((content as Record<string, unknown>)['media:thumbnail'])),
  ];
  const fromMedia = widest(contents.map(attributes).filter(isImage).map((attrs) => candidate(attrs, base)));
  const fromEnclosure = widest(list(item.enclosures).map(attributes).filter(isImage).map((attrs) => candidate(attrs, base)));
  const fromLinks = widest(
    list(item.links)
      .map(attributes)
      .filter((attrs) => attrs.rel === 'enclosure' && isImage(attrs))
      .map((attrs) => candidate(attrs, base, 'href')),
  );
  const thumbnailUrl = thumbnails.map(attributes).map((attrs) => candidate(attrs, base)).find((c) => c !== null)?.url ?? null;
  return { imageUrl: fromMedia ?? fromEnclosure ?? fromLinks, thumbnailUrl };
}

/** One picture of an item: its largest version, its thumbnail and what it shows, in words. */
export interface ItemImage {
  url: string;
  thumbnailUrl: string | null;
  alt: string | null;
}

type Element = Record<string, unknown>;

// Bounds what one hostile entry can make the importer store.
const MAX_IMAGES = 50;
const MAX_ALT = 1000;

/** A Media RSS text element (media:description, media:title) as plain text; null when it is a placeholder. */
function mediaText(value: unknown): string | null {
  const element = first(value);
  const raw = text(element);
  if (!raw) return null;
  const plain = attributes(element).type?.toLowerCase() === 'html' ? htmlToText(raw) : raw;
  return realCaption(plain.slice(0, MAX_ALT));
}

const altOf = (element: Element) => mediaText(element['media:description']) ?? mediaText(element['media:title']);

function thumbnailOf(elements: unknown[], base: string): string | null {
  return elements.map(attributes).map((attrs) => candidate(attrs, base)).find((c) => c !== null)?.url ?? null;
}

/**
 * Every picture of an item, in the order the feed gives them: each media:content (a
 * media:group is one picture in several sizes, the widest kept), then RSS enclosures and
 * Atom enclosure links, else the images of its HTML; 50 at most. Each keeps its own alt text
 * where the feed gives one (Media RSS description or title, the link's title, the HTML's alt).
 */
export function itemImages(item: Element, base: string, html: { url: string; alt: string | null }[]): ItemImage[] {
  const images: ItemImage[] = [];
  const altInHtml = new Map(html.map((image) => [image.url, realCaption(image.alt)]));
  const add = (url: string | null, thumbnailUrl: string | null, alt: string | null) => {
    if (!url || images.length >= MAX_IMAGES || images.some((image) => image.url === url)) return;
    images.push({ url, thumbnailUrl, alt: (alt ?? altInHtml.get(url) ?? null)?.slice(0, MAX_ALT) ?? null });
  };
  for (const content of list(item.mediaContent) as Element[]) {
    if (!isImage(attributes(content))) continue;
    add(candidate(attributes(content), base)?.url ?? null, thumbnailOf(list(content['media:thumbnail']), base), altOf(content));
  }
  for (const group of list(item.mediaGroup) as Element[]) {
    const contents = list(group['media:content']) as Element[];
    const pictures = contents.filter((content) => isImage(attributes(content)));
    const url = widest(pictures.map((content) => candidate(attributes(content), base)));
    const chosen = pictures.find((content) => candidate(attributes(content), base)?.url === url);
    const thumbnail = thumbnailOf([...list(group['media:thumbnail']), ...contents.flatMap((content) => list(content['media:thumbnail']))], base);
    add(url, thumbnail, (chosen && altOf(chosen)) ?? altOf(group));
  }
  for (const enclosure of list(item.enclosures)) {
    if (isImage(attributes(enclosure))) add(candidate(attributes(enclosure), base)?.url ?? null, null, null);
  }
  for (const link of list(item.links)) {
    const attrs = attributes(link);
    if (attrs.rel === 'enclosure' && isImage(attrs)) add(candidate(attrs, base, 'href')?.url ?? null, null, realCaption(attrs.title));
  }
  if (!images.length) for (const image of html) add(image.url, null, null);
  const itemThumbnail = thumbnailOf(list(item.mediaThumbnail), base);
  if (images.length === 1 && !images[0]!.thumbnailUrl) images[0]!.thumbnailUrl = itemThumbnail;
  return images;
}
