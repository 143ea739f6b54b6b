import { describe, expect, it } from 'vitest';
import { htmlToText, plainText } from './plain-text';

describe('plainText', () => {
  it('turns markdown into the text a calendar or feed reader shows', () => {
    expect(plainText('## Agenda\n\nSee the **[notes](https://n.example/x)**.')).toBe('Agenda\n\nSee the notes (https://n.example/x).');
    expect(plainText('![](https://img.example/a.png) and `code`\r\n\r\n\r\n\r\nend')).toBe('https://img.example/a.png and code\n\nend');
  });
});

describe('htmlToText', () => {
  it('keeps the text and decodes character references', () => {
    expect(htmlToText('<p>Café &amp; <b>code</b>&#33; &#x263A;</p><p>Next&nbsp;line</p>')).toBe('Café & code! ☺\nNext line');
    expect(htmlToText('<p>Caf&eacute; &amp; <b>bar</b></p><p>a &lt; b</p><script>x</script>')).toBe('Café & bar\na < b');
    expect(htmlToText('one<br>two <!-- note --><ul><li>a</li><li>b</li></ul>')).toBe('one\ntwo\na\nb');
  });

  it('drops whatever a script or style element holds', () => {
    expect(htmlToText('<style>p{}</style><p>Hello</p><script>alert(1)</script>')).toBe('Hello');
  });
});
