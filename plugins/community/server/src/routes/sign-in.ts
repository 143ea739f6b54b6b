import { limited } from '../middlewares/auth-limit';
import { json, list, object, oneOfValues, path, query, text, dateTime, type Schema } from '../openapi/schema';
import { error, member, SESSION_HEADER, signedIn } from './member-shared';

const PROVIDER_IDS = ['google', 'linkedin', 'oidc', 'launchpad', 'email'];
const OUTSIDE_PROVIDERS = PROVIDER_IDS.filter((id) => id !== 'email');
const provider = path('provider', 'The sign-in provider.', oneOfValues(OUTSIDE_PROVIDERS));
const redirect = (description: string): Schema => ({ description, headers: { Location: { description: 'Where the browser goes next.', schema: text() } } });
const sessionAnswer = object({ session: text('The session token.'), expiresAt: dateTime(), member, returnTo: text('The local path on the website to go to.') });

/**
 * Sign-in with outside providers (OpenID Connect), the one-time code the website exchanges
 * for a session, e-mail registration, and the ways an account signs in. Every route that
 * a visitor can try repeatedly is limited per client address.
 */
export function signInRoutes() {
  return [
    {
      method: 'GET',
      path: '/auth/providers',
      handler: 'sign-in.providers',
      // Public on purpose: which sign-in buttons to show.
      config: { auth: false, policies: [] },
      openapi: {
        summary: 'The ways to sign in that are switched on',
        tags: ['Members'],
        responses: {
          200: json('The providers, in the order to show them.', object({ data: list(object({ id: oneOfValues(PROVIDER_IDS), name: text('The provider’s own name.') })) })),
        },
      },
    },
    {
      method: 'GET',
      path: '/auth/:provider/start',
      handler: 'sign-in.start',
      // Public on purpose: the browser's first step of a sign-in with a provider.
      config: { auth: false, policies: [], middlewares: [limited('sign-in-start', 30)] },
      openapi: {
        summary: 'Start signing in with a provider',
        description:
          'Redirects the browser to the provider with a state (also kept in a cookie of this browser), a nonce and, where the provider takes it, a PKCE challenge. With `link`, the sign-in is added to the account that asked for the ticket instead.',
        tags: ['Members'],
        parameters: [
          provider,
          query('returnTo', 'The local path of the website to return to after signing in (one leading "/").', text(undefined, { maxLength: 1000 }), { example: '/fr/groups' }),
          query('link', 'A ticket from `POST /me/identities/link`.', text()),
        ],
        responses: {
          302: redirect('To the provider.'),
          400: error('returnTo is not a local path, or the link ticket is unknown, used or expired.'),
          404: error('No such provider is on.'),
          429: error('Too many attempts from this address: try again later.'),
        },
      },
    },
    {
      method: 'GET',
      path: '/auth/:provider/callback',
      handler: 'sign-in.callback',
      // Public on purpose: the provider sends the browser back here.
      config: { auth: false, policies: [], middlewares: [limited('sign-in-callback', 30)] },
      openapi: {
        summary: 'The provider’s answer',
        description:
          'Checks the state against this browser’s; for OpenID Connect exchanges the code and verifies the ID token (signature, issuer, audience, expiry, nonce), for OpenID 2.0 (Launchpad) has the provider confirm its assertion. Then redirects to the website’s `/auth/done?code=…` with a one-time code (60 s), or `/auth/done?error=…` (`state`, `denied`, `provider`, `blocked`, `in-use`). The provider adds parameters of its own (`openid.*`, `scope`, `iss`, …).',
        tags: ['Members'],
        parameters: [provider, query('state', 'The state given at the start.', text()), query('code', 'The provider’s authorization code.', text())],
        responses: {
          302: redirect('To the website’s /auth/done, with a code or an error.'),
          404: error('No such provider is on.'),
          429: error('Too many attempts from this address: try again later.'),
        },
      },
    },
    {
      method: 'POST',
      path: '/auth/exchange',
      handler: 'sign-in.exchange',
      // Public on purpose: the website's server turns a one-time code into a session.
      config: { auth: false, policies: [], middlewares: [limited('code-exchange', 10)] },
      openapi: {
        summary: 'Exchange a one-time code for a session',
        description: 'The code from `/auth/done?code=…` works once, for 60 seconds.',
        tags: ['Members'],
        requestBody: { required: true, content: { 'application/json': { schema: object({ code: text(undefined, { maxLength: 100 }) }) } } },
        responses: {
          200: json('Signed in.', sessionAnswer),
          400: error('The code is unknown, used or expired, or the body is malformed.'),
          429: error('Too many attempts from this address: try again later.'),
        },
      },
    },
    {
      method: 'POST',
      path: '/auth/register',
      handler: 'sign-in.register',
      // Public on purpose: e-mail registration, open while e-mail sign-in is on.
      config: { auth: false, policies: [], middlewares: [limited('register', 5, 10 * 60_000)] },
      openapi: {
        summary: 'Register with an e-mail address and password',
        description:
          'The same answer whether the address is taken or not; a confirmation e-mail goes to the address, in `locale`. The account can sign in at once but cannot join groups before it is confirmed. Any other field is a 400.',
        tags: ['Members'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: object(
                {
                  username: text(undefined, { minLength: 3, maxLength: 50 }),
                  email: text(undefined, { format: 'email', maxLength: 255 }),
                  password: text(undefined, { minLength: 8, maxLength: 72 }),
                  locale: text('The account’s language, for its e-mails.', { example: 'fr' }),
                },
                { optional: ['locale'] },
              ),
            },
          },
        },
        responses: {
          200: json('Received.', object({ sent: { type: 'boolean', const: true } })),
          400: error('A malformed body or a field that may not be chosen.'),
          404: error('E-mail sign-in is off.'),
          429: error('Too many attempts from this address: try again later.'),
        },
      },
    },
    {
      method: 'GET',
      path: '/me/identities',
      handler: 'sign-in.identities',
      config: signedIn,
      openapi: {
        summary: 'The ways this account signs in',
        description: SESSION_HEADER,
        tags: ['Members'],
        security: [{ memberSession: [] }],
        responses: {
          200: json('Its password (`email`) and outside providers.', object({ data: list(object({ provider: oneOfValues(PROVIDER_IDS), name: text(), linkedAt: dateTime() })) })),
          401: error('No session, or one that has ended.'),
        },
      },
    },
    {
      method: 'POST',
      path: '/me/identities/link',
      handler: 'sign-in.linkTicket',
      config: signedIn,
      openapi: {
        summary: 'A ticket to add another way to sign in',
        description: `${SESSION_HEADER} Send the browser to \`/auth/{provider}/start?link=<ticket>\` (within ten minutes, once).`,
        tags: ['Members'],
        security: [{ memberSession: [] }],
        requestBody: { required: true, content: { 'application/json': { schema: object({ provider: oneOfValues(OUTSIDE_PROVIDERS) }) } } },
        responses: {
          200: json('The ticket.', object({ ticket: text() })),
          400: error('No such provider is on, or a malformed body.'),
          401: error('No session, or one that has ended.'),
        },
      },
    },
    {
      method: 'DELETE',
      path: '/me/identities/:provider',
      handler: 'sign-in.unlink',
      config: signedIn,
      openapi: {
        summary: 'Remove a way to sign in',
        description: `${SESSION_HEADER} Never the last one.`,
        tags: ['Members'],
        security: [{ memberSession: [] }],
        parameters: [path('provider', 'The provider, or `email` for the password.', oneOfValues(PROVIDER_IDS))],
        responses: {
          204: { description: 'Removed.' },
          401: error('No session, or one that has ended.'),
          404: error('The account does not sign in that way.'),
          409: error('It is the last way to sign in to this account.'),
        },
      },
    },
  ];
}

