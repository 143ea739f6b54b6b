/** A slug as the CMS stores them: lower-case letters and digits in words joined by single hyphens. */
export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
const SLUG = new RegExp(SLUG_PATTERN);

/** The CMS keeps slugs in a 255-character column; anything longer names nothing. */
export const MAX_SLUG_LENGTH = 255;

/** True when `value` could be the slug of a group, event, page or region. */
export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_SLUG_LENGTH && SLUG.test(value);
}

/** The slug `value` names when case is ignored (`Paris-User-Group` → `paris-user-group`), or undefined. */
export function slugIgnoringCase(value: string | null | undefined): string | undefined {
  const lower = value?.toLowerCase();
  return isSlug(lower) ? lower : undefined;
}
