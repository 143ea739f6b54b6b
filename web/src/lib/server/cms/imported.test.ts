import { describe, expect, it } from 'vitest';
import { excerptOf } from './imported';

describe('excerptOf', () => {
  it('keeps the text of the summary', () => {
    expect(excerptOf('<p>Café &amp; <b>code</b></p><script>alert(1)</script>')).toBe('Café & code');
  });

  it('cuts long text at a word and marks the cut', () => {
    const text = excerptOf(`<p>${'word '.repeat(100)}</p>`, 50)!;
    expect(text.endsWith('word…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(51);
  });

  it('gives nothing for an empty summary', () => {
    expect(excerptOf('<p> </p>')).toBeNull();
    expect(excerptOf(null)).toBeNull();
  });
});
