import { describe, expect, it } from 'vitest';
import { isPlaceholderCaption, realCaption } from './captions';

describe('isPlaceholderCaption', () => {
  it.each(['', '   ', 'No caption', 'no caption.', 'Untitled', 'IMG_1234.jpg', 'IMG_1234', 'img-0007.JPEG', 'DSC_0042', 'DSCF1234.JPG', 'PXL_20261104_183012345', 'PXL_20261104_183012345.MP.jpg', 'IMG_20260614_101500~2', 'scan_3.png', 'photo.webp'])(
    '%j says nothing about the picture',
    (caption) => expect(isPlaceholderCaption(caption)).toBe(true),
  );

  it.each(['Hackathon day two', 'IMG_1234 and friends at the booth', 'Release 2.0 party', 'The logo.png we voted for was printed on the banner', '2026'])(
    '%j is a caption',
    (caption) => expect(isPlaceholderCaption(caption)).toBe(false),
  );

  it('gives the caption tidied, or null', () => {
    expect(realCaption('  Two   lines\nof caption ')).toBe('Two lines of caption');
    expect(realCaption('No caption')).toBeNull();
    expect(realCaption(null)).toBeNull();
  });
});
