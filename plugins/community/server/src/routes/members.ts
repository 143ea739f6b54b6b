import { SLUG_PATTERN } from '@chapterhouse/config';
import { limited } from '../middlewares/auth-limit';
import { LOCALE_PATTERN } from '../openapi/content-api';
import { json, list, nullable, object, oneOfValues, path, query, ref, text, textBody, boolean, dateTime, type Schema } from '../openapi/schema';

/** How the member routes' answers describe the member. */
const memberFields = { username: text(), email: { type: ['string', 'null'] }, confirmed: boolean('Whether the e-mail address is confirmed.') };
const member = object(memberFields);
const error = (description: string): Schema => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const SESSION_HEADER = 'A member route: send the session token as `Authorization: Bearer <token>`; answers are personal (`Cache-Control: private, no-store`).';
const signedIn = { auth: false, policies: [], middlewares: ['plugin::community.signed-in'] };

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
function signInRoutes() {
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

// Groups' members, the private calendar and the account.
const memberRoute = (method: string, routePath: string, handler: string, openapi: Record<string, unknown>) => ({
  method,
  path: routePath,
  handler,
  config: signedIn,
  openapi: { description: SESSION_HEADER, tags: ['Members'], security: [{ memberSession: [] }], ...openapi },
});
const noSession = error('No session, or one that has ended.');
const groupSlug = path('slug', 'The group’s slug.', text(undefined, { pattern: SLUG_PATTERN }));
const requestId = path('documentId', 'The request’s documentId (from `GET /api/community/me/requests`).');
const jsonBody = (schema: Schema) => ({ required: true, content: { 'application/json': { schema } } });
const joinPolicy = oneOfValues(['open', 'approval'], '`open`: joining is immediate; `approval`: a coordinator or an editor answers the request.');
const status = oneOfValues(['active', 'pending'], '`pending`: a request waiting for an answer.');
const calendarUrl = json('The address, to paste into a calendar application.', object({ data: object({ url: text('Secret: whoever has it reads the calendar.', { format: 'uri' }) }) }));
const account = object({
  username: text(),
  email: { type: ['string', 'null'] },
  displayName: nullable(text('Shown on group pages of the groups the member coordinates.', { maxLength: 80 })),
  locale: nullable(text('The preferred language of the site and its mail: one of the site’s locales.')),
});
const membershipEntry = object({
  group: nullable(object({ slug: text(), name: text() })),
  role: oneOfValues(['member', 'coordinator']),
  wantsEmail: boolean(),
  since: dateTime(),
});

export const membershipRoutes = [
  memberRoute('GET', '/me/groups', 'memberships.myGroups', {
    summary: 'My groups and my requests to join groups',
    parameters: [query('locale', 'Event titles in this language along its fallback chain; without it, in the member’s chosen language.', text(undefined, { pattern: LOCALE_PATTERN }), { example: 'fr' })],
    responses: {
      200: json(
        'By group name; event titles in `locale`, or the member’s chosen language.',
        object({
          data: list(
            object({
              group: object({ slug: text(), name: text(), joinPolicy }),
              role: oneOfValues(['member', 'coordinator']),
              status,
              wantsEmail: boolean('Whether the member wants the group’s e-mail.'),
              joinedAt: dateTime('When the member joined, or asked to.'),
              nextEvents: list(ref('Occurrence'), 'The group’s next three events, each at its next occurrence that has not ended.'),
            }),
          ),
        }),
      ),
      400: error('An unknown query parameter, or a malformed locale.'),
      401: noSession,
    },
  }),
  memberRoute('POST', '/me/memberships', 'memberships.join', {
    summary: 'Join a group, or ask to join it',
    description: `${SESSION_HEADER} An open group is joined at once; a group that asks for approval gets a request that waits for a coordinator or an editor.`,
    requestBody: jsonBody(object({ group: text('The group’s slug.') })),
    responses: {
      201: json('Joined, or asked to.', object({ data: object({ status }) })),
      400: error('A malformed body.'),
      401: noSession,
      403: error('The account’s e-mail address is not confirmed yet.'),
      404: error('No published group has this slug.'),
      409: error('A member already, or a request waits already.'),
    },
  }),
  memberRoute('PATCH', '/me/memberships/:slug', 'memberships.update', {
    summary: 'Choose whether to get a group’s e-mail',
    parameters: [groupSlug],
    requestBody: jsonBody(object({ wantsEmail: boolean() })),
    responses: {
      200: json('Changed.', object({ data: object({ wantsEmail: boolean() }) })),
      400: error('A malformed body.'),
      401: noSession,
      404: error('Not a member of this group, or no such group.'),
    },
  }),
  memberRoute('DELETE', '/me/memberships/:slug', 'memberships.leave', {
    summary: 'Leave a group, or withdraw a request to join it',
    parameters: [groupSlug],
    responses: { 204: { description: 'Left.' }, 400: error('Not a group slug.'), 401: noSession, 404: error('Not a member of this group, or no such group.') },
  }),
  memberRoute('GET', '/me/requests', 'memberships.requests', {
    summary: 'Requests to join the groups I coordinate',
    description: `${SESSION_HEADER} Oldest first. Editors see the same requests in the admin (memberships with status \`pending\`).`,
    responses: {
      200: json(
        'The pending requests.',
        object({
          data: list(
            object({
              documentId: text(),
              group: object({ slug: text(), name: text() }),
              member: object({ username: text(), displayName: nullable(text()) }),
              requestedAt: dateTime(),
            }),
          ),
        }),
      ),
      400: error('A query parameter was given: the route takes none.'),
      401: noSession,
    },
  }),
  ...(['approve', 'decline'] as const).map((action) =>
    memberRoute('POST', `/me/requests/:documentId/${action}`, `memberships.${action}`, {
      summary: action === 'approve' ? 'Let a request in (coordinators)' : 'Turn a request down (coordinators)',
      description: `${SESSION_HEADER} ${action === 'approve' ? 'The person is a member from now on.' : 'The request is removed; the person may ask again.'}`,
      parameters: [requestId],
      responses: {
        200: json('Answered.', object({ data: object({ status: oneOfValues([action === 'approve' ? 'active' : 'declined']) }) })),
        401: noSession,
        404: error('No pending request with this id in a group the member coordinates.'),
      },
    }),
  ),
  memberRoute('GET', '/me/calendar', 'my-calendar.show', {
    summary: 'The address of my private calendar',
    description: `${SESSION_HEADER} Made on the first call; the same address afterwards, until it is renewed.`,
    responses: { 200: calendarUrl, 401: noSession },
  }),
  memberRoute('POST', '/me/calendar/renew', 'my-calendar.renew', {
    summary: 'A new address for my private calendar',
    description: `${SESSION_HEADER} The previous address answers 404 from now on.`,
    responses: { 200: calendarUrl, 401: noSession },
  }),
  {
    method: 'GET',
    path: '/members/calendar/:file',
    handler: 'my-calendar.feed',
    // Public on purpose: calendar applications carry no session; the secret address is the credential.
    config: { auth: false, policies: [] },
    openapi: {
      summary: 'A member’s private calendar (iCalendar)',
      description:
        'At the secret address `GET /api/community/me/calendar` gives (`<secret>.ics`): every event of the member’s groups, RFC 5545 as the group calendars, in the member’s chosen language. Strong `ETag` and `Cache-Control: private, no-cache`; `If-None-Match` is answered with 304. Not kept by shared caches.',
      tags: ['Calendars'],
      parameters: [path('file', 'The secret, then `.ics`.')],
      responses: {
        200: { ...textBody('The calendar.', 'text/calendar'), headers: { ETag: { description: 'Strong, from the content.', schema: text() } } },
        304: { description: 'The copy held is current.' },
        400: error('A query parameter was given: the calendar takes none.'),
        404: error('No calendar at this address (renewed, or never made).'),
      },
    },
  },
  memberRoute('GET', '/me/account', 'account.show', {
    summary: 'My account',
    responses: { 200: json('The account.', object({ data: account })), 401: noSession },
  }),
  memberRoute('PUT', '/me/account', 'account.update', {
    summary: 'Change my display name or preferred language',
    requestBody: jsonBody(
      object(
        {
          displayName: nullable(text('Trimmed; null or empty shows no name.', { maxLength: 80 })),
          locale: text('One of the site’s locales.'),
        },
        { optional: ['displayName', 'locale'] },
      ),
    ),
    responses: { 200: json('Changed.', object({ data: account })), 400: error('Another field, a name too long, or a language the site does not offer.'), 401: noSession },
  }),
  memberRoute('GET', '/me/export', 'account.export', {
    summary: 'Download my data',
    description: `${SESSION_HEADER} Everything the portal keeps about the member, as a JSON attachment.`,
    responses: {
      200: json(
        'The data.',
        object({
          exportedAt: dateTime(),
          account: object({
            username: text(),
            email: { type: ['string', 'null'] },
            displayName: nullable(text()),
            locale: nullable(text()),
            confirmed: boolean(),
            createdAt: dateTime(),
          }),
          identities: list(object({ provider: text() }), 'How the member signs in.'),
          memberships: list(membershipEntry),
          requests: list(membershipEntry, 'Requests to join that wait for an answer.'),
        }),
      ),
      401: noSession,
    },
  }),
  memberRoute('DELETE', '/me/account', 'account.remove', {
    summary: 'Delete my account',
    description: `${SESSION_HEADER} Memberships and requests are removed, the private calendar and every session end, then the account is deleted.`,
    responses: { 204: { description: 'Deleted.' }, 401: noSession },
  }),
];
