import { limited } from '../middlewares/auth-limit';
import { json, object, text, boolean, dateTime } from '../openapi/schema';
import { error, member, memberFields, SESSION_HEADER, signedIn } from './member-shared';
import { signInRoutes } from './sign-in';

/**
 * The routes of members signed in on the website. The website's server calls them; a
 * session token is handed out in an answer body, never in a URL.
 */
export const memberRoutes = [
  {
    method: 'POST',
    path: '/auth/local',
    handler: 'member-session.signIn',
    // Public on purpose: signing in. Limited per client address, counted across instances.
    config: { auth: false, policies: [], middlewares: [limited('sign-in', 10)] },
    openapi: {
      summary: 'Sign in with an e-mail address (or username) and password',
      description: 'Answers with a session token for the website to keep in its cookie. The same 400 whether the account exists or not. Limited per client address.',
      tags: ['Members'],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: object({ identifier: text(undefined, { maxLength: 255 }), password: text(undefined, { maxLength: 200 }) }) } },
      },
      responses: {
        200: json('Signed in.', object({ session: text('The session token.'), expiresAt: dateTime(), member })),
        400: error('Wrong identifier or password, or a malformed body.'),
        429: error('Too many attempts from this address: try again later.'),
      },
    },
  },
  {
    method: 'POST',
    path: '/auth/sign-out',
    handler: 'member-session.signOut',
    config: signedIn,
    openapi: {
      summary: 'End this session',
      description: SESSION_HEADER,
      tags: ['Members'],
      security: [{ memberSession: [] }],
      responses: { 204: { description: 'Signed out.' }, 401: error('No session, or one that has ended.') },
    },
  },
  {
    method: 'GET',
    path: '/me',
    handler: 'member-session.me',
    config: signedIn,
    openapi: {
      summary: 'Who is signed in',
      description: SESSION_HEADER,
      tags: ['Members'],
      security: [{ memberSession: [] }],
      responses: {
        200: json(
          'The member.',
          object({ data: object({ ...memberFields, mayJoin: boolean('Whether the member may join groups: an e-mail/password account once its address is confirmed, one that signs in through a provider at once.') }) }),
        ),
        401: error('No session, or one that has ended.'),
      },
    },
  },
  ...signInRoutes(),
];
