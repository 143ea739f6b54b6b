import type { Core } from '@strapi/strapi';

/** Strapi's database layer casting a filter value to a column's type (fields/number.js, biginteger.js). */
const CAST_FAILURE = /^Expected a valid (Number|BigInteger), got /;

/** An error the database raised because of a value it was given: PostgreSQL's class 22 (data exception), SQLite's type mismatches, Strapi's casts. */
export function isDataException(error: unknown): boolean {
  for (let e: any = error, depth = 0; e && depth < 3; e = e.cause ?? e.nativeError, depth += 1) {
    if (typeof e.message === 'string' && CAST_FAILURE.test(e.message)) return true;
    if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return true;
    if (e.code === 'SQLITE_MISMATCH' || e.code === 'SQLITE_TOOBIG') return true;
  }
  return false;
}

/**
 * A content-API request whose values the database cannot compare or store (a number
 * beyond the column's range, a malformed date) is the caller's mistake: answer 400
 * saying so instead of Strapi's 500.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (!ctx.path.startsWith('/api/') || !isDataException(error)) throw error;
      strapi.log.debug(`Refused a value the database cannot use: ${(error as Error).message}`);
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: { status: 400, name: 'ValidationError', message: 'A value in the request does not fit the field it is compared with or stored in (a number out of range, a malformed date)' },
      };
    }
  };
