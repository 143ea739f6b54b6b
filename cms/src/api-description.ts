import type { Core } from '@strapi/strapi';
import { NEXT_OCCURRENCE_SCHEMA } from './api/event/next-occurrences';
import { applicationCreate } from './api/group-application/api-description';
import { COORDINATORS_SCHEMA } from './api/group/coordinators';
import { GROUP_EVENTS_SCHEMA } from './api/group/group-events';
import { IMPORTED_SCHEMA } from './api/group/imported';

interface ApiDescription {
  describeContentType(uid: string, description: { properties?: Record<string, unknown>; operations?: Record<string, unknown> }): void;
}

/**
 * What the application adds to the OpenAPI description the community plugin builds from the
 * content types: computed fields and the answers of actions it implements its own way.
 */
export function describeApplication(strapi: Core.Strapi) {
  const description = strapi.plugin('community').service('api-description') as ApiDescription;
  description.describeContentType('api::group.group', {
    properties: {
      coordinators: COORDINATORS_SCHEMA,
      posts: IMPORTED_SCHEMA('post'),
      photos: IMPORTED_SCHEMA('photo'),
      upcomingEvents: GROUP_EVENTS_SCHEMA('next'),
      pastEvents: GROUP_EVENTS_SCHEMA('last'),
    },
  });
  description.describeContentType('api::event.event', { properties: { nextOccurrence: NEXT_OCCURRENCE_SCHEMA } });
  description.describeContentType('api::group-application.group-application', { operations: { create: applicationCreate } });
}
