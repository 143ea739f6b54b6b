import { describe, expect, it } from 'vitest';
import { contentTypeCharset, decodeText } from './decode';
import { FeedError } from './feed-error';

const xml = (encoding: string, body: string) => `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>${body}</title></channel></rss>`;

describe('decodeText', () => {
  it('reads UTF-8 by default and strips a byte order mark', () => {
    expect(decodeText(Buffer.from('<rss>Café</rss>'), { xml: true })).toBe('<rss>Café</rss>');
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss>é</rss>')]), { xml: true })).toBe('<rss>é</rss>');
  });

  it('reads UTF-16 by its byte order mark', () => {
    const text = xml('UTF-16', 'Überblick');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(le, { xml: true })).toBe(text);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(be, { xml: true })).toBe(text);
  });

  it('follows the XML declaration', () => {
    const text = xml('ISO-8859-1', 'Montréal');
    expect(decodeText(Buffer.from(text, 'latin1'), { xml: true })).toBe(text);
    const sjis = Buffer.from([...Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><t>'), 0x93, 0x8c, 0x8b, 0x9e, ...Buffer.from('</t>')]);
    expect(decodeText(sjis, { xml: true })).toBe('<?xml version="1.0" encoding="Shift_JIS"?><t>東京</t>');
  });

  it('follows the Content-Type charset', () => {
    expect(decodeText(Buffer.from('<rss>Québec</rss>', 'latin1'), { contentType: 'application/rss+xml; charset=ISO-8859-1', xml: true })).toBe('<rss>Québec</rss>');
  });

  it('takes valid UTF-8 over a server default that says otherwise', () => {
    const text = xml('UTF-8', 'Zürich');
    expect(decodeText(Buffer.from(text), { contentType: 'text/xml; charset=iso-8859-1', xml: true })).toBe(text);
  });

  it('refuses bytes that are not valid in the declared encoding', () => {
    const bytes = Buffer.from(xml('UTF-8', 'Réunion'), 'latin1');
    expect(() => decodeText(bytes, { xml: true })).toThrow(FeedError);
    expect(() => decodeText(bytes, { xml: true })).toThrow(expect.objectContaining({ code: 'encoding' }));
  });

  it('refuses an encoding it does not know', () => {
    expect(() => decodeText(Buffer.from(xml('X-KLINGON', 'x')), { xml: true })).toThrow(expect.objectContaining({ code: 'encoding' }));
  });

  it('reads the charset parameter', () => {
    expect(contentTypeCharset('text/calendar; charset="UTF-8"; method=PUBLISH')).toBe('utf-8');
    expect(contentTypeCharset('application/xml')).toBeNull();
  });
});
