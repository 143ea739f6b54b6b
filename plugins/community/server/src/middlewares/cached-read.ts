import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { sendAnswer } from './public-cache';

/**
 * Answers an anonymous GET from the public cache before the rest of the middlewares run
 * (query parsing, sessions, routing, authentication, policies): only answers the route's
 * own cache kept for this URL and this content version qualify, and only while this
 * instance knows the version without asking the database. Anything else goes on as usual.
 * Answers to requests that carry credentials are marked personal unless a route said otherwise.
 */
const cachedRead = (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const version = () => getService(strapi, 'content-version');
  const answers = () => getService(strapi, 'public-answers');
  return async (ctx, next) => {
    const personal = Boolean(ctx.get('authorization'));
    if (ctx.method === 'GET' && !personal) {
      const known = version().fresh();
      const hit = known === undefined ? undefined : answers().get(ctx.url, known);
      if (hit) return sendAnswer(ctx as any, hit);
    }
    await next();
    if (personal && !ctx.response.get('Cache-Control')) ctx.set('Cache-Control', 'private, no-store');
  };
};

export default cachedRead;
