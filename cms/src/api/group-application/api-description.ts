import { FORM_STAMP_HEADER } from './controllers/group-application';

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const textField = (description: string, extra: Record<string, unknown> = {}) => ({ type: 'string', description, ...extra });

/** The "start a group" form's answer, as the API description states it (see the controller beside this file). */
export const applicationCreate = {
  summary: 'Apply to start a group',
  description:
    'The “start a group” form. The application reaches the community managers; the answer says only that it was received. Limited per client address and window (see the README), one application per form stamp.',
  parameters: [
    { name: FORM_STAMP_HEADER, in: 'header', required: false, description: 'The signed stamp of the form sent: the same stamp twice is a 409.', schema: { type: 'string' } },
  ],
  requestBody: {
    required: true,
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['data'],
          additionalProperties: false,
          properties: {
            data: {
              type: 'object',
              additionalProperties: false,
              required: ['proposedName', 'city', 'country', 'contactName', 'contactEmail', 'message'],
              properties: {
                proposedName: textField('The group’s name.', { minLength: 3, maxLength: 120 }),
                city: textField('Where it meets.', { maxLength: 120 }),
                country: textField('ISO 3166 country code.', { pattern: '^[A-Z]{2}$' }),
                languages: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 35 }, description: 'Language tags it would speak.' },
                contactName: textField('Who applies.', { maxLength: 120 }),
                contactEmail: textField('Where the community managers answer; never shown.', { format: 'email' }),
                message: textField('Why, and who would come.', { minLength: 20, maxLength: 5000 }),
              },
            },
          },
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Received.',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['data'],
            additionalProperties: false,
            properties: {
              data: {
                type: 'object',
                required: ['documentId', 'status'],
                additionalProperties: false,
                properties: { documentId: { type: 'string' }, status: { type: 'string', enum: ['received'] } },
              },
            },
          },
        },
      },
    },
    400: error('A field is missing, malformed or unknown; the message names it.'),
    403: error('Sent from another site’s page.'),
    409: error('This form stamp was used already.'),
    415: error('Not JSON.'),
    429: error('Too many applications from this address; `Retry-After` says when to try again.'),
  },
};
