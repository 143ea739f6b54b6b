/**
 * Captions photo services fill in when the author wrote none: Pixelfed's "No caption", a
 * camera's or phone's file name ("IMG_1234.jpg", "DSC_0042", "PXL_20261104_183012345").
 */
const PLACEHOLDERS = new Set(['no caption', 'no description', 'untitled', 'untitled photo', 'no title', 'image', 'photo']);
const IMAGE_FILE_NAME = /^[^\s/\\]+\.(?:jpe?g|png|gif|webp|avif|heic|heif|tiff?|bmp|dng)$/i;
const CAMERA_NAME = /^(?:img|dsc|dscf|dscn|dcim|pxl|mvimg|gopr|gp|p|pict|sam|wp|photo|image)[_-]?\d[\d_-]*(?:~\d+)?$/i;

/** True when a caption says nothing about the picture: empty, a placeholder, or only a file name. */
export function isPlaceholderCaption(caption: string | null | undefined): boolean {
  const value = (caption ?? '').replace(/\s+/g, ' ').trim();
  if (!value) return true;
  const bare = value.replace(/[.!…]+$/, '').trim().toLowerCase();
  return PLACEHOLDERS.has(bare) || IMAGE_FILE_NAME.test(value) || CAMERA_NAME.test(value);
}

/** The caption itself, or null when it is a placeholder. */
export function realCaption(caption: string | null | undefined): string | null {
  return isPlaceholderCaption(caption) ? null : (caption ?? '').replace(/\s+/g, ' ').trim();
}
