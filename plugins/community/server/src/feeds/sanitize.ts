import sanitizeHtml from 'sanitize-html';

const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i;
const MAX_DATA_IMAGE = 64 * 1024;

/** `value` made absolute against `base`; null when it is not a URL at all. */
function resolveUrl(value: string | undefined, base: string): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^data:/i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return null;
  }
}

/** A 1×1 image: a tracking pixel, not a picture. */
function isPixel(attribs: Record<string, string | undefined>): boolean {
  return Number(attribs.width) === 1 || Number(attribs.height) === 1;
}

function withoutAttribute(attribs: Record<string, string>, name: string): Record<string, string> {
  const { [name]: _dropped, ...rest } = attribs;
  return rest;
}

const BASE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'a', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup',
    'abbr', 'cite', 'q', 'blockquote', 'code', 'pre', 'kbd', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'img', 'table', 'caption', 'thead', 'tbody',
    'tfoot', 'tr', 'th', 'td', 'div', 'span',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    blockquote: ['cite'],
    q: ['cite'],
    ol: ['start', 'reversed'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // An img without a usable src is dropped rather than kept as an empty box, and so is a tracking pixel.
  exclusiveFilter: (frame) => frame.tag === 'img' && (!frame.attribs.src || isPixel(frame.attribs)),
};

/**
 * HTML from a feed reduced to a harmless subset: no scripts, styles, frames, forms or event
 * handlers; only http(s)/mailto links (made absolute against `baseUrl`, marked
 * rel="nofollow noopener", no target) and http(s) images or small inline raster images.
 */
export function sanitizeFeedHtml(html: string, baseUrl: string): string {
  return sanitizeHtml(html, {
    ...BASE_OPTIONS,
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => {
        const href = resolveUrl(attribs.href, baseUrl);
        const rest = withoutAttribute(withoutAttribute(attribs, 'href'), 'target');
        return { tagName, attribs: { ...(href ? { href } : {}), ...rest, rel: 'nofollow noopener' } };
      },
      img: (tagName, attribs) => {
        let src = resolveUrl(attribs.src, baseUrl);
        if (src?.startsWith('data:') && (src.length > MAX_DATA_IMAGE || !SAFE_DATA_IMAGE.test(src))) src = null;
        const rest = withoutAttribute(attribs, 'src');
        return { tagName, attribs: src ? { src, ...rest } : rest };
      },
      blockquote: (tagName, attribs) => {
        const cite = resolveUrl(attribs.cite, baseUrl);
        return { tagName, attribs: cite ? { ...attribs, cite } : withoutAttribute(attribs, 'cite') };
      },
    },
  }).trim();
}

/** The text of an HTML fragment: one implementation, shared with the website. */
export { htmlToText } from '@chapterhouse/config';

/** The images of an HTML fragment in order, absolute and http(s), each with its alt text (tracking pixels left out). */
export function imagesIn(html: string, baseUrl: string): { url: string; alt: string | null }[] {
  const found: { url: string; alt: string | null }[] = [];
  sanitizeHtml(html, {
    allowedTags: ['img'],
    allowedAttributes: { img: ['src', 'alt', 'width', 'height'] },
    transformTags: {
      img: (tagName, attribs) => {
        const src = resolveUrl(attribs.src, baseUrl);
        if (src && /^https?:/i.test(src) && !isPixel(attribs)) found.push({ url: src, alt: attribs.alt?.trim() || null });
        return { tagName, attribs };
      },
    },
  });
  return found;
}

/** The first image of an HTML fragment, absolute and http(s), or null. */
export function firstImageUrl(html: string, baseUrl: string): string | null {
  return imagesIn(html, baseUrl)[0]?.url ?? null;
}
