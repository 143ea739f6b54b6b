import { TextDecoder } from 'node:util';
import { FeedError } from './feed-error';

function bomEncoding(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return null;
}

/** The charset parameter of a Content-Type header. */
export function contentTypeCharset(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

/** The encoding an XML declaration names, also for UTF-16 documents without a byte order mark. */
function declaredEncoding(body: Buffer): string | null {
  if (body[0] === 0x3c && body[1] === 0x00 && body[2] === 0x3f && body[3] === 0x00) return 'utf-16le';
  if (body[0] === 0x00 && body[1] === 0x3c && body[2] === 0x00 && body[3] === 0x3f) return 'utf-16be';
  const head = body.subarray(0, 300).toString('latin1');
  const match = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

function decoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return null;
  }
}

/**
 * The text of a fetched document. The encoding comes from a byte order mark, else the
 * Content-Type charset, else the XML declaration, else UTF-8. When these disagree and the
 * bytes are valid UTF-8 that one is taken, since single-byte encodings never fail and
 * servers often name one by default; bytes that fit none of them are an `encoding` error.
 */
export function decodeText(body: Buffer, options: { contentType?: string | null; xml?: boolean }): string {
  const bom = bomEncoding(body);
  const labels = [bom, contentTypeCharset(options.contentType), options.xml ? declaredEncoding(body) : null].filter(
    (label): label is string => label !== null,
  );
  if (!labels.length) labels.push('utf-8');
  const known = [...new Set(labels)]
    .map((label) => ({ label, decoder: decoder(label) }))
    .filter((entry): entry is { label: string; decoder: TextDecoder } => entry.decoder !== null);
  if (!known.length) {
    throw new FeedError('encoding', `The feed says its text is in the encoding "${labels[0]}", which the importer cannot read.`);
  }
  const first = bom ? known.slice(0, 1) : known;
  const ordered = first.some((entry) => entry.decoder.encoding === 'utf-8')
    ? [...first.filter((entry) => entry.decoder.encoding === 'utf-8'), ...first.filter((entry) => entry.decoder.encoding !== 'utf-8')]
    : first;
  for (const { decoder: textDecoder } of ordered) {
    try {
      return textDecoder.decode(body);
    } catch {
      // Try the next candidate.
    }
  }
  const names = ordered.map((entry) => entry.label.toUpperCase()).join(' or ');
  throw new FeedError('encoding', `The feed's text is not valid ${names}, the encoding it declares, so it cannot be read.`);
}
