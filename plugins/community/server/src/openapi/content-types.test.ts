import { describe, expect, it } from 'vitest';
import { attributeSchema, componentsUsed, documentSchema, schemaName, type TypeModel } from './content-types';
import { buildDocument } from './document';

const event: TypeModel = {
  uid: 'api::event.event',
  info: { singularName: 'event', pluralName: 'events', displayName: 'Event', description: 'A meetup' },
  options: { draftAndPublish: true },
  pluginOptions: { i18n: { localized: true } },
  attributes: {
    title: { type: 'string', required: true, maxLength: 200, pluginOptions: { i18n: { localized: true } } },
    startsAt: { type: 'datetime', required: true },
    format: { type: 'enumeration', enum: ['in-person', 'online'] },
    venue: { type: 'component', component: 'event.venue' },
    group: { type: 'relation', relation: 'manyToOne', target: 'api::group.group' },
    attendees: { type: 'relation', relation: 'oneToMany', target: 'plugin::users-permissions.user' },
    secret: { type: 'string', private: true },
    locale: { type: 'string' },
  },
};
const venue: TypeModel = { uid: 'event.venue', info: { displayName: 'Venue' }, attributes: { name: { type: 'string', required: true }, place: { type: 'component', component: 'shared.place' } } };
const place: TypeModel = { uid: 'shared.place', info: { displayName: 'Place' }, attributes: { lat: { type: 'float' } } };
const described = (uid: string) => uid === 'api::event.event' || uid === 'api::group.group';

describe('schemas from content types', () => {
  it('name types and components as the description refers to them', () => {
    expect(schemaName('api::group-application.group-application')).toBe('GroupApplication');
    expect(schemaName('group.working-group')).toBe('GroupWorkingGroup');
    expect(schemaName('plugin::upload.file')).toBe('UploadFile');
  });

  it('map each attribute to the value the API gives, null where it is optional', () => {
    expect(attributeSchema({ type: 'string', required: true, maxLength: 5 }, described)).toEqual({ type: 'string', maxLength: 5 });
    expect(attributeSchema({ type: 'string', regex: '^[A-Z]{2}$' }, described)).toEqual({ type: ['string', 'null'], pattern: '^[A-Z]{2}$' });
    expect(attributeSchema({ type: 'enumeration', enum: ['a', 'b'] }, described)).toEqual({ type: ['string', 'null'], enum: ['a', 'b'] });
    expect(attributeSchema({ type: 'float', min: -90, max: 90 }, described)).toEqual({ type: ['number', 'null'], minimum: -90, maximum: 90 });
    expect(attributeSchema({ type: 'component', component: 'shared.person', repeatable: true }, described)).toEqual({ type: 'array', items: { $ref: '#/components/schemas/SharedPerson' } });
    expect(attributeSchema({ type: 'relation', relation: 'manyToOne', target: 'api::group.group' }, described)).toEqual({
      anyOf: [{ $ref: '#/components/schemas/Group' }, { type: 'null' }],
    });
    expect(attributeSchema({ type: 'relation', relation: 'oneToMany', target: 'api::secret.secret' }, described)).toBeNull();
  });

  it('describe a localized document: private fields and undescribed relations left out, locale marks added, only ids required', () => {
    const schema = documentSchema(event, described) as { properties: Record<string, any>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(['id', 'documentId', 'title', 'startsAt', 'format', 'venue', 'group', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'localeFallback']);
    expect(schema.required).toEqual(['id', 'documentId']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.title['x-translated']).toBe(true);
    expect(schema.properties.startsAt['x-translated']).toBeUndefined();
    expect(schema.properties.venue.description).toMatch(/only when populated/);
  });

  it('find the components a type uses, however deep', () => {
    const models = new Map([venue, place].map((model) => [model.uid, model]));
    expect(componentsUsed([event], (uid) => models.get(uid)).map((model) => model.uid)).toEqual(['event.venue', 'shared.place']);
  });
});

describe('the document', () => {
  const document = buildDocument({
    title: 'T',
    version: '1',
    description: 'D',
    serverUrl: 'http://cms.example.org',
    types: [{ model: event, actions: ['find', 'findOne'], cached: { find: true, findOne: true } }],
    components: new Map([venue, place].map((model) => [model.uid, model])),
    routes: [
      {
        method: 'GET',
        path: '/api/community/things/{slug}',
        operation: { summary: 'A thing', parameters: [{ name: 'slug', in: 'path', required: true, description: 's', schema: { type: 'string' } }], responses: { 200: { description: 'ok' } } },
        cached: false,
        public: false,
        operationId: 'community.things.show',
      },
    ],
    schemas: {},
    limits: { defaultPageSize: 25, maxPageSize: 100 },
    locales: ['en', 'fr'],
  }) as any;

  it('gives every content type its list and its single document, with the shared answers', () => {
    const list = document.paths['/api/events'].get;
    expect(list.operationId).toBe('event.find');
    expect(Object.keys(list.responses).sort()).toEqual(['200', '304', '400']);
    expect(list.responses['200'].headers.ETag).toBeDefined();
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(['locale', 'fields', 'populate', 'status', 'filters', 'sort', 'pagination']);
    expect(Object.keys(document.paths['/api/events/{documentId}'].get.responses).sort()).toEqual(['200', '304', '400', '404']);
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Event', 'EventVenue', 'SharedPlace', 'Error', 'UploadFile']));
  });

  it('adds 404 for path parameters and 401/403 for routes that need a token', () => {
    expect(Object.keys(document.paths['/api/community/things/{slug}'].get.responses).sort()).toEqual(['200', '401', '403', '404']);
  });
});
