import { env } from '$env/dynamic/private';
import { createFormStamper } from './form-timestamp';

/** A person needs more than this to fill in the form; scripts usually do not wait. */
export const MIN_FILL_MS = 3_000;
/** A form left open longer than a day is shown again with a fresh stamp. */
export const MAX_FILL_MS = 24 * 60 * 60 * 1000;

export const applicationStamp = createFormStamper(env.FORM_SECRET);
