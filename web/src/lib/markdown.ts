import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Editors' texts: Markdown as Strapi's editor writes it (CommonMark with tables and
 * strikethrough), rendered by markdown-it with raw HTML off, then passed through an
 * allow-list sanitizer so that only the tags and link targets listed here reach a page.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** A link target that is safe to put in href, or undefined. */
export function safeHref(raw: string): string | undefined {
  const url = raw.trim();
  if (/^\/(?!\/)/.test(url) || url.startsWith('#')) return url;
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Only http(s), mailto and site-relative targets make links or images; anything else stays text.
markdown.validateLink = (url: string) => safeHref(url) !== undefined;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

function sanitize(html: string, headingOffset: number): string {
  const shift = (tag: string) => `h${Math.min(6, Number(tag.slice(1)) + headingOffset)}`;
  return sanitizeHtml(html, {
    allowedTags: [...HEADINGS, 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'strong', 'em', 's', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
    allowedAttributes: { a: ['href'], img: ['src', 'alt', 'title'], ol: ['start'], th: ['style'], td: ['style'], code: ['class'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
    allowedClasses: { code: [/^language-[\w-]+$/] },
    transformTags: Object.fromEntries(HEADINGS.map((tag) => [tag, (_: string, attribs: sanitizeHtml.Attributes) => ({ tagName: shift(tag), attribs })])),
  });
}

/**
 * Renders Markdown to safe HTML. Headings are shifted by `headingOffset` (and capped at
 * h6) so a text's `#` fits under the page's own headings.
 */
export function renderMarkdown(source: string | null | undefined, headingOffset = 1): string {
  if (!source) return '';
  return sanitize(markdown.render(source), headingOffset).trim();
}
