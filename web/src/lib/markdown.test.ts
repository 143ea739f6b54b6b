import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { renderMarkdown, safeHref } from './markdown';

const GOLDEN = path.join(__dirname, 'golden');

describe('renderMarkdown', () => {
  it('renders what the editor’s toolbar writes, as the golden file says, with the heading offset', () => {
    // Quote, image, fenced code, nested lists, strikethrough, a link with parentheses, a table, and hostile payloads.
    const source = fs.readFileSync(path.join(GOLDEN, 'markdown-toolbar.md'), 'utf8');
    const html = renderMarkdown(source, 1);
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(path.join(GOLDEN, 'markdown-toolbar.html'), `${html}\n`);
    expect(`${html}\n`).toBe(fs.readFileSync(path.join(GOLDEN, 'markdown-toolbar.html'), 'utf8'));
    expect(renderMarkdown('# Title', 3)).toBe('<h4>Title</h4>');
    expect(renderMarkdown('###### Deep', 2)).toBe('<h6>Deep</h6>');
  });

  it('lets no markup or script through', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '[x](https://ok.example/"onmouseover="alert(1))',
      '**<b>bold</b>** `<i>`',
      '\uE0000\uE000',
    ].join('\n\n');
    const html = renderMarkdown(hostile);
    expect(html).not.toMatch(/<(script|img|b|i)[\s>]/);
    // Unsafe targets stay visible as text, never as links; a quote in a target cannot open an attribute.
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).not.toMatch(/<a [^>]*\sonmouseover=/);
    expect(html).toContain('<a href="https://ok.example/%22onmouseover=%22alert(1)">x</a>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<p>[x](data:text/html;base64,PHNjcmlwdD4=)</p>');
    expect(html).not.toContain('undefined');
  });

  it('keeps underscores inside links and words', () => {
    expect(renderMarkdown('[notes](https://example.org/_a_/snake_case_name)')).toBe(
      '<p><a href="https://example.org/_a_/snake_case_name">notes</a></p>',
    );
  });

  it('returns nothing for no text', () => {
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown('  \n\n ')).toBe('');
  });
});

describe('safeHref', () => {
  it('allows web, mail and site links only', () => {
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeHref('mailto:a@example.org')).toBe('mailto:a@example.org');
    expect(safeHref('/en/groups')).toBe('/en/groups');
    expect(safeHref('//evil.example')).toBeUndefined();
    expect(safeHref(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeHref('vbscript:x')).toBeUndefined();
  });
});
