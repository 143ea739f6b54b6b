import { LOCALE_CODES } from '@chapterhouse/config';
import type { ParamMatcher } from '@sveltejs/kit';

/** Exactly the configured locale codes, spelled as configured (`pt-BR`, not `pt-br`). */
export const match = ((param: string) => LOCALE_CODES.includes(param)) satisfies ParamMatcher;
