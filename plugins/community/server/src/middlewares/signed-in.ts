import type { Core } from '@strapi/strapi';
import type { Sessions } from '../members/sessions';

/**
 * Route middleware of the member routes: the website sends the member's session token as
 * `Authorization: Bearer chs_…`; the member it speaks for goes to `ctx.state.member`.
 * Anything else is a 401 that says what is missing. Answers are personal: never stored.
 */
/**
 * A 401 with its message. Thrown, an UnauthorizedError would lose the message: Strapi's
 * authorization step answers every UnauthorizedError raised after it with a bare "Unauthorized".
 */
function refuse(ctx: any, message: string) {
  ctx.status = 401;
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = { data: null, error: { status: 401, name: 'UnauthorizedError', message, details: {} } };
}

const signedIn = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    const header = String(ctx.get('authorization') ?? '');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return refuse(ctx, 'Sign in first: send the session token as "Authorization: Bearer <token>".');
    const sessions = strapi.plugin('community').service('sessions') as Sessions;
    const member = await sessions.resolve(match[1]);
    if (!member) return refuse(ctx, 'This session has ended or never existed: sign in again.');
    ctx.state.member = member;
    ctx.state.sessionToken = match[1];
    await next();
    ctx.set('Cache-Control', 'private, no-store');
  };
};

export default signedIn;
