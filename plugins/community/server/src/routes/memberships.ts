import { SLUG_PATTERN } from '@chapterhouse/config';
import { LOCALE_PATTERN } from '../openapi/content-api';
import { json, list, nullable, object, oneOfValues, path, query, ref, text, textBody, boolean, dateTime } from '../openapi/schema';
import { error, jsonBody, memberRoute, noSession, SESSION_HEADER } from './member-shared';

const groupSlug = path('slug', 'The group’s slug.', text(undefined, { pattern: SLUG_PATTERN }));
const requestId = path('documentId', 'The request’s documentId (from `GET /api/community/me/requests`).');
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
  memberRoute('GET', '/me/memberships/:slug', 'memberships.show', {
    summary: 'My membership of one group, or my request to join it',
    description: `${SESSION_HEADER} What a group page needs to offer joining or leaving, without the events that \`GET /me/groups\` adds.`,
    parameters: [groupSlug],
    responses: {
      200: json(
        'The membership.',
        object({
          data: object({
            group: object({ slug: text(), name: text(), joinPolicy }),
            role: oneOfValues(['member', 'coordinator']),
            status,
            wantsEmail: boolean('Whether the member wants the group’s e-mail.'),
            joinedAt: dateTime('When the member joined, or asked to.'),
          }),
        }),
      ),
      400: error('A malformed slug, or a query parameter (the route takes none).'),
      401: noSession,
      404: error('Not a member of this group and no request to join it, or no such group.'),
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
