import { htmlToText } from '@chapterhouse/config';
import { cmsUrl, getJson, unavailable, type Fetch } from './client';

/** A post imported from a group's blog feed; `excerpt` is plain text. */
export interface ImportedPost {
  title: string;
  link: string | null;
  author: string | null;
  postedAt: string;
  excerpt: string | null;
  imageUrl: string | null;
  language: string | null;
  group: { slug: string; name: string };
}

/** One picture of an imported photo entry; `alt` is what the feed says it shows, if anything. */
export interface ImportedImage {
  url: string;
  thumbnailUrl: string | null;
  alt: string | null;
}

/** A photo (or an album of several) imported from a group's photostream; `title` is null when it had no real caption. */
export interface ImportedPhoto {
  title: string | null;
  pageUrl: string | null;
  imageUrl: string;
  thumbnailUrl: string | null;
  /** Every picture, in the feed's order (at least one). */
  images: ImportedImage[];
  takenAt: string;
  language: string | null;
  group: { slug: string; name: string };
}

const EXCERPT_LENGTH = 280;

/** Plain text of the sanitized summary the importer stored, cut at a word near `length`. */
export function excerptOf(html: string | null | undefined, length = EXCERPT_LENGTH): string | null {
  const text = htmlToText(html ?? '').replace(/\s+/g, ' ');
  if (!text) return null;
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${space > length / 2 ? cut.slice(0, space) : cut}…`;
}

interface ImportedList<T> {
  data: T[];
}

interface ListOptions {
  group?: string;
  /** Only items in this language (`de` includes `de-CH`). */
  language?: string;
  limit: number;
}

async function list<T>(fetch: Fetch, path: string, options: ListOptions): Promise<T[]> {
  const url = cmsUrl(path, [
    ...(options.group ? [['group', options.group] as [string, string]] : []),
    ...(options.language ? [['language', options.language] as [string, string]] : []),
    ['pagination[pageSize]', options.limit],
  ]);
  const body = (await getJson(fetch, url)) as Partial<ImportedList<T>> | null;
  if (!Array.isArray(body?.data)) unavailable(url, 'response is not a list');
  return body.data;
}

/** A post as the CMS lists it (its group given apart when it comes with the group). */
export type CmsPost = Omit<ImportedPost, 'excerpt' | 'group'> & { summary: string | null; excerpt?: string | null };
/** A photo as the CMS lists it. */
export type CmsPhoto = Omit<ImportedPhoto, 'images' | 'group'> & { images?: ImportedImage[] | null };

export function toPost({ summary, excerpt, ...post }: CmsPost, group: ImportedPost['group']): ImportedPost {
  // The CMS gives the excerpt (from the full post when the feed carries it); posts stored before it had one fall back to the summary.
  return { ...post, excerpt: excerpt ?? excerptOf(summary), group };
}

export function toPhoto(photo: CmsPhoto, group: ImportedPhoto['group']): ImportedPhoto {
  return {
    ...photo,
    images: Array.isArray(photo.images) && photo.images.length ? photo.images : [{ url: photo.imageUrl, thumbnailUrl: photo.thumbnailUrl, alt: null }],
    group,
  };
}

/** The newest posts imported from groups' blogs (of one group with `group`). */
export async function listPosts(fetch: Fetch, options: ListOptions): Promise<ImportedPost[]> {
  const rows = await list<CmsPost & { group: ImportedPost['group'] }>(fetch, '/api/community/posts', options);
  return rows.map((row) => toPost(row, row.group));
}

/** The newest photos imported from groups' photostreams (of one group with `group`). */
export async function listPhotos(fetch: Fetch, options: ListOptions): Promise<ImportedPhoto[]> {
  const rows = await list<CmsPhoto & { group: ImportedPhoto['group'] }>(fetch, '/api/community/photos', options);
  return rows.map((row) => toPhoto(row, row.group));
}
