import { attributes, list } from './feed-values';
import { webUrl } from './item-key';

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
