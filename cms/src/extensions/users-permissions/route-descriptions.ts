/**
 * The account routes anonymous callers may use, as the API description states them (the
 * community plugin builds it from each route's `openapi`). Answers as this extension shapes
 * them: the same for every address (see auth-answers.ts).
 */

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const jsonBody = (properties: Record<string, unknown>, required: string[]) => ({
  required: true,
  content: { 'application/json': { schema: { type: 'object', properties, required } } },
});
const answer = (description: string, properties: Record<string, unknown>, required: string[]) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', properties, required, additionalProperties: false } } },
});
const text = { type: 'string' };

const account = {
  type: 'object',
  description: 'The signed-in account (private fields left out).',
  required: ['id', 'username', 'email'],
  additionalProperties: true,
  properties: {
    id: { type: 'integer' },
    documentId: text,
    username: text,
    email: { type: 'string', format: 'email' },
    provider: text,
    confirmed: { type: ['boolean', 'null'] },
    blocked: { type: ['boolean', 'null'] },
    displayName: { type: ['string', 'null'] },
  },
};
const signedIn = answer('Signed in: a JWT for the `Authorization: Bearer` header, and the account.', { jwt: text, user: account }, ['jwt', 'user']);
const tags = ['Accounts'];
const rateLimited = error('Too many attempts from this address; try again later.');

/** Keyed by `METHOD path` as users-permissions declares its routes. */
export const ACCOUNT_ROUTE_DESCRIPTIONS: Record<string, Record<string, unknown>> = {
  'POST /auth/local': {
    summary: 'Sign in with e-mail (or username) and password',
    tags,
    requestBody: jsonBody({ identifier: text, password: text }, ['identifier', 'password']),
    responses: { 200: signedIn, 400: error('“Invalid identifier or password”, alike for an unknown account and a wrong password.'), 429: rateLimited },
  },
  'POST /auth/local/register': {
    summary: 'Create an e-mail/password account (when sign-up is open)',
    tags,
    requestBody: jsonBody({ username: text, email: { type: 'string', format: 'email' }, password: text }, ['username', 'email', 'password']),
    responses: {
      200: answer('The account; a JWT too unless the address must be confirmed first.', { jwt: text, user: account }, ['user']),
      400: error('Invalid, or the address or username is taken.'),
      429: rateLimited,
    },
  },
  'GET /connect/(.*)': {
    path: '/api/connect/{provider}',
    summary: 'Start signing in with a provider (Google, LinkedIn, OpenID Connect)',
    tags,
    parameters: [{ name: 'provider', in: 'path', required: true, description: 'The provider’s name, as enabled in the admin.', schema: text }],
    responses: { 302: { description: 'Redirect to the provider’s sign-in page.' }, 400: error('This provider is disabled.') },
  },
  'GET /auth/:provider/callback': {
    summary: 'Finish signing in with a provider',
    tags,
    parameters: [
      { name: 'provider', in: 'path', required: true, description: 'The provider’s name.', schema: text },
      { name: 'access_token', in: 'query', required: false, description: 'The provider’s access token, as the provider’s redirect hands it over.', schema: text },
    ],
    responses: { 200: signedIn, 400: error('The provider is disabled or refused the sign-in.') },
  },
  'POST /auth/forgot-password': {
    summary: 'Ask for a password-reset e-mail',
    description: 'The same answer, as fast, for every well-formed address; the e-mail goes only to an account that can use it.',
    tags,
    requestBody: jsonBody({ email: { type: 'string', format: 'email' } }, ['email']),
    responses: { 200: answer('Taken.', { ok: { type: 'boolean', enum: [true] } }, ['ok']), 400: error('Not an e-mail address.'), 429: rateLimited },
  },
  'POST /auth/reset-password': {
    summary: 'Set a new password with the code from the reset e-mail',
    tags,
    requestBody: jsonBody({ code: text, password: text, passwordConfirmation: text }, ['code', 'password', 'passwordConfirmation']),
    responses: { 200: signedIn, 400: error('The code is wrong or the passwords differ.'), 429: rateLimited },
  },
  'POST /auth/refresh': {
    summary: 'Renew an access token with a refresh token',
    description: 'Only when users-permissions runs in refresh mode (`jwtManagement: "refresh"`); in its default mode, which the portal uses, the answer is 404.',
    tags,
    requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', properties: { refreshToken: text } } } } },
    responses: {
      200: answer('A new access token.', { jwt: text, refreshToken: text }, ['jwt']),
      400: error('No refresh token was sent.'),
      401: error('The refresh token is not valid.'),
      404: error('Refresh tokens are not in use.'),
    },
  },
  'GET /auth/email-confirmation': {
    summary: 'Confirm an address with the code from the confirmation e-mail',
    tags,
    parameters: [{ name: 'confirmation', in: 'query', required: true, description: 'The code from the e-mail.', schema: text }],
    responses: { 302: { description: 'Confirmed: redirect to the page set in the admin.' }, 400: error('The code is missing or wrong.') },
  },
  'POST /auth/send-email-confirmation': {
    summary: 'Send the address-confirmation e-mail again',
    description: 'The same answer for every well-formed address.',
    tags,
    requestBody: jsonBody({ email: { type: 'string', format: 'email' } }, ['email']),
    responses: { 200: answer('Taken.', { email: text, sent: { type: 'boolean', enum: [true] } }, ['email', 'sent']), 400: error('Not an e-mail address.'), 429: rateLimited },
  },
};
