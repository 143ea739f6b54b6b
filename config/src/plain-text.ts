import { decodeHTML } from 'entities';

/**
 * Markdown reduced to the text a calendar or a feed reader shows: links become
 * "text (address)", images their alternative text, headings and emphasis marks go.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (_, text: string, href: string) => (text ? `${text} (${href})` : href))
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BLOCK_END = /<br\s*\/?>|<\/(?:p|div|li|h[1-6]|blockquote|pre|tr|dt|dd|figcaption|table|ul|ol)\s*>/gi;

/**
 * The text of HTML: a line break after each block, other tags gone, character references
 * decoded (all of HTML's), and whatever a script or style element holds dropped. Spaces
 * are collapsed and at most one blank line is kept.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(BLOCK_END, (tag) => `${tag}\n`)
    .replace(/<(?:ul|ol|table|blockquote|pre)\b[^>]*>/gi, (tag) => `\n${tag}`)
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return decodeHTML(text)
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
