/**
 * A small markdown subset for editors' texts: paragraphs, `#`–`####` headings, bullet
 * and numbered lists, **bold**, *italic*, `code` and [links](https://…). Everything is
 * HTML-escaped first, so no tag or attribute from the source can reach the page; links
 * keep only http(s), mailto and site-relative targets.
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

/** Inline markup of one block; `text` is raw markdown, the result is HTML. */
function inline(text: string): string {
  // Code spans and links are cut out first so emphasis inside them is left alone.
  const held: string[] = [];
  const hold = (html: string) => `\uE000${held.push(html) - 1}\uE000`;
  let html = escapeHtml(text).replace(/`([^`\n]+)`/g, (_, code: string) => hold(`<code>${code}</code>`));
  // The target was escaped with the rest: unescape it to judge it, escape it again to write it.
  html = html.replace(/\[([^\]\n]+)\]\(([^()\s]+)\)/g, (_, label: string, target: string) => {
    const href = safeHref(unescapeHtml(target));
    return href ? hold(`<a href="${escapeHtml(href)}">${emphasis(label)}</a>`) : label;
  });
  const restore = (part: string): string =>
    part.replace(/\uE000(\d+)\uE000/g, (_, index: string) => restore(held[Number(index)] ?? ''));
  return restore(emphasis(html));
}

function emphasis(html: string): string {
  return html
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*([^*\n]+)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_([^_\n]+)_(?!\w)/g, '$1<em>$2</em>');
}

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) =>
    ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!,
  );
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

/**
 * Renders markdown to HTML. Headings are shifted by `headingOffset` (and capped at h6)
 * so a text's `#` fits under the page's own headings.
 */
export function renderMarkdown(source: string | null | undefined, headingOffset = 1): string {
  if (!source) return '';
  const blocks = source.replace(/\uE000/g, '').replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const out: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    if (!lines.length) continue;
    let paragraph: string[] = [];
    let list: { tag: 'ul' | 'ol'; items: string[] } | undefined;
    const flushParagraph = () => {
      if (paragraph.length) out.push(`<p>${inline(paragraph.join('\n')).replace(/\n/g, ' ')}</p>`);
      paragraph = [];
    };
    const flushList = () => {
      if (list) out.push(`<${list.tag}>${list.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${list.tag}>`);
      list = undefined;
    };
    for (const line of lines) {
      const heading = HEADING.exec(line);
      const bullet = BULLET.exec(line);
      const numbered = bullet ? null : NUMBERED.exec(line);
      if (heading) {
        flushParagraph();
        flushList();
        const level = Math.min(6, heading[1]!.length + headingOffset);
        out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
      } else if (bullet || numbered) {
        flushParagraph();
        const tag = bullet ? 'ul' : 'ol';
        if (list && list.tag !== tag) flushList();
        list ??= { tag, items: [] };
        list.items.push((bullet ?? numbered)![1]!);
      } else if (list && /^\s{2,}\S/.test(line)) {
        // An indented line continues the list item above it.
        list.items[list.items.length - 1] += ` ${line.trim()}`;
      } else {
        flushList();
        paragraph.push(line.trim());
      }
    }
    flushParagraph();
    flushList();
  }
  return out.join('\n');
}
