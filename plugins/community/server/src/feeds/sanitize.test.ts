import { describe, expect, it } from 'vitest';
import { firstImageUrl, htmlToText, sanitizeFeedHtml } from './sanitize';

const BASE = 'https://blog.example.org/2026/11/post.html';

describe('sanitizeFeedHtml', () => {
  it('keeps harmless formatting', () => {
    const html = '<h2>Title</h2><p>Some <strong>bold</strong>, <em>em</em> and <code>code</code>.</p><ul><li>one</li></ul><blockquote>quote</blockquote>';
    expect(sanitizeFeedHtml(html, BASE)).toBe(html);
  });

  it('drops scripts, styles, frames, objects, forms and their contents', () => {
    const out = sanitizeFeedHtml(
      '<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="https://x.example/"></iframe><object data="x"></object><embed src="x"><form><input name="p"></form><svg onload="alert(1)"></svg>',
      BASE,
    );
    expect(out).toBe('<p>a</p>');
  });

  it('drops every event handler and style attribute', () => {
    const out = sanitizeFeedHtml('<p onclick="x()" style="color:red" class="c" id="i">t</p><img src="a.png" onerror="x()" onload="y()">', BASE);
    expect(out).toBe('<p>t</p><img src="https://blog.example.org/2026/11/a.png" />');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java&#x09;script:alert(1)',
    '&#106;avascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
  ])('removes the link target %j', (href) => {
    const out = sanitizeFeedHtml(`<a href="${href}">x</a>`, BASE);
    expect(out).toBe('<a rel="nofollow noopener">x</a>');
  });

  it('marks links nofollow noopener, removes target and resolves relative ones', () => {
    expect(sanitizeFeedHtml('<a href="../about/" target="_blank" rel="opener">about</a>', BASE)).toBe(
      '<a href="https://blog.example.org/2026/about/" rel="nofollow noopener">about</a>',
    );
    expect(sanitizeFeedHtml('<a href="mailto:orga@example.org">mail</a>', BASE)).toBe('<a href="mailto:orga@example.org" rel="nofollow noopener">mail</a>');
    expect(sanitizeFeedHtml('<a href="//evil.example/">x</a>', BASE)).toBe('<a href="https://evil.example/" rel="nofollow noopener">x</a>');
  });

  it('keeps small inline raster images but no other data: URLs', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    expect(sanitizeFeedHtml(`<img src="${png}" alt="dot">`, BASE)).toBe(`<img src="${png}" alt="dot" />`);
    expect(sanitizeFeedHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="svg">', BASE)).toBe('');
    expect(sanitizeFeedHtml(`<img src="data:image/png;base64,${'A'.repeat(70_000)}">`, BASE)).toBe('');
  });

  it('drops tracking pixels and images without a usable source', () => {
    expect(sanitizeFeedHtml('<img src="https://t.example/p.gif" width="1" height="1"><img alt="nothing">', BASE)).toBe('');
  });

  it('does not let a noscript or comment trick through', () => {
    const out = sanitizeFeedHtml('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><!-- <script>x</script> -->', BASE);
    expect(out).not.toMatch(/onerror|<script|<noscript/i);
  });
});

describe('htmlToText', () => {
  it('gives the text with paragraphs on their own lines and entities decoded', () => {
    expect(htmlToText('<p>Caf&eacute; &amp; <b>bar</b></p><p>a &lt; b</p><script>x</script>')).toBe('Café & bar\na < b');
  });
});

describe('firstImageUrl', () => {
  it('finds the first real picture, made absolute', () => {
    expect(firstImageUrl('<p><img src="https://t.example/p.gif" width="1" height="1"><img src="/img/a.jpg"></p>', BASE)).toBe('https://blog.example.org/img/a.jpg');
    expect(firstImageUrl('<p>no picture</p>', BASE)).toBeNull();
  });
});
