import type { ParamMatcher } from '@sveltejs/kit';
import { slugIgnoringCase } from '@chapterhouse/config';

/**
 * A slug in any case: other spellings are sent on to the lower-case address (see
 * hooks.server.ts); anything else matches no route and is a 404 before the CMS is asked.
 */
export const match = ((param: string) => slugIgnoringCase(param) !== undefined) satisfies ParamMatcher;
