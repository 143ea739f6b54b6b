import { object, ref, text, boolean, type Schema } from '../openapi/schema';

/** How the member routes' answers describe the member. */
export const memberFields = { username: text(), email: { type: ['string', 'null'] }, confirmed: boolean('Whether the e-mail address is confirmed.') };
export const member = object(memberFields);
export const error = (description: string): Schema => ({ description, content: { 'application/json': { schema: ref('Error') } } });
export const SESSION_HEADER = 'A member route: send the session token as `Authorization: Bearer <token>`; answers are personal (`Cache-Control: private, no-store`).';
export const signedIn = { auth: false, policies: [], middlewares: ['plugin::community.signed-in'] };

/** A route for a signed-in member: the session middleware, the Members tag and the session scheme. */
export const memberRoute = (method: string, routePath: string, handler: string, openapi: Record<string, unknown>) => ({
  method,
  path: routePath,
  handler,
  config: signedIn,
  openapi: { description: SESSION_HEADER, tags: ['Members'], security: [{ memberSession: [] }], ...openapi },
});
export const noSession = error('No session, or one that has ended.');
export const jsonBody = (schema: Schema) => ({ required: true, content: { 'application/json': { schema } } });
