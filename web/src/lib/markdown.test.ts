import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeHref } from './markdown';

describe('renderMarkdown', () => {
  it('renders the subset editors use', () => {
    const html = renderMarkdown(
      '## Before you start\n\n- **Check the map.** A group may exist\n- Find a *co-organiser*\n\n1. Sign in\n2. Open the [form](https://example.org/apply)\n\nUse `npm start` & enjoy.',
      1,
    );
    expect(html).toBe(
      [
        '<h3>Before you start</h3>',
        '<ul><li><strong>Check the map.</strong> A group may exist</li><li>Find a <em>co-organiser</em></li></ul>',
        '<ol><li>Sign in</li><li>Open the <a href="https://example.org/apply">form</a></li></ol>',
        '<p>Use <code>npm start</code> &amp; enjoy.</p>',
      ].join('\n'),
    );
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
    // Unsafe targets stay visible as text, never as links.
    expect(html).not.toContain('<a ');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<p>x</p>');
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
