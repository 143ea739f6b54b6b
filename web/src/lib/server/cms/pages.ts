import { getFirst, isFallback, publicFileUrl, type Fetch, type LocalizedEntry } from './client';

export interface Attachment {
  name: string;
  url: string;
  mime: string;
  /** Bytes. */
  size: number;
}

export interface PageDetail {
  slug: string;
  title: string;
  summary: string | null;
  body: string | null;
  category: string;
  attachments: Attachment[];
  locale: string;
  isFallback: boolean;
  updatedAt: string;
}

/** An editor's page by slug, or null when there is none. */
export async function getPage(fetch: Fetch, slug: string, locale: string): Promise<PageDetail | null> {
  const page = await getFirst<
    LocalizedEntry & {
      slug: string;
      title: string;
      summary: string | null;
      body: string | null;
      category: string;
      updatedAt: string;
      attachments?: { name: string; url: string; mime: string; size: number }[] | null;
    }
  >(fetch, '/api/pages', [
    ['locale', locale],
    ['filters[slug][$eq]', slug],
    ['populate[attachments][fields][0]', 'name'],
    ['populate[attachments][fields][1]', 'url'],
    ['populate[attachments][fields][2]', 'mime'],
    ['populate[attachments][fields][3]', 'size'],
  ]);
  if (!page) return null;
  return {
    slug: page.slug,
    title: page.title,
    summary: page.summary ?? null,
    body: page.body ?? null,
    category: page.category,
    // Strapi reports sizes in kilobytes.
    attachments: (page.attachments ?? []).map((file) => ({
      name: file.name,
      url: publicFileUrl(file.url),
      mime: file.mime,
      size: Math.round(file.size * 1000),
    })),
    locale: page.locale,
    isFallback: isFallback(page, locale),
    updatedAt: page.updatedAt,
  };
}
