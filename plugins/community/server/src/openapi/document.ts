import { contentTypeOperations, localeMetaSchema, paginationMetaSchema, type ContentApiLimits, type PublicType } from './content-api';
import { componentSchema, componentsUsed, documentSchema, schemaName, uploadFileSchema, type DocumentExtension, type TypeModel } from './content-types';
import { integer, json, object, ref, text, type Operation, type Schema } from './schema';

/** A route other than the content types' core actions, with its description. */
export interface DescribedRoute {
  method: string;
  /** The OpenAPI path, parameters in braces: `/api/community/groups/{slug}/calendar.ics`. */
  path: string;
  operation: Operation;
  /** Anonymous answers carry an ETag and `If-None-Match` is answered with 304. */
  cached: boolean;
  /** Callable without credentials (otherwise an API token is needed). */
  public: boolean;
  operationId: string;
}

export interface DescriptionInput {
  title: string;
  version: string;
  description: string;
  serverUrl: string;
  types: (PublicType & { extension?: DocumentExtension })[];
  /** Every component model, by uid. */
  components: Map<string, TypeModel>;
  routes: DescribedRoute[];
  /** Named schemas that route descriptions refer to. */
  schemas: Record<string, Schema>;
  limits: ContentApiLimits;
  locales: readonly string[];
}

const errorSchema: Schema = object(
  {
    data: { type: 'null' },
    error: object({ status: integer(), name: text(), message: text('What is wrong, in words; for a bad parameter, which one.'), details: {} }, { optional: ['details'] }),
  },
  { description: 'Strapi’s error answer.' },
);

const errorAnswer = (description: string) => json(description, ref('Error'));
const ETAG = { ETag: { description: 'Send it back in `If-None-Match` to get a 304 while the answer is unchanged.', schema: { type: 'string' } } };

/** Adds the answers every route of a kind gives: 400 for bad parameters, 404 for unknown ids, 304 and ETag for cached ones. */
function withSharedAnswers(operation: Operation, traits: { cached: boolean; public: boolean }): Operation {
  const parameters = operation.parameters ?? [];
  const responses: Record<string, Schema> = { ...operation.responses };
  // A route that states its own errors states them all.
  const statedErrors = Object.keys(operation.responses).some((status) => status.startsWith('4'));
  if (traits.cached) {
    for (const [status, answer] of Object.entries(responses)) {
      if (status.startsWith('2')) responses[status] = { ...answer, headers: { ...((answer.headers as Schema) ?? {}), ...ETAG } };
    }
    responses['304'] ??= { description: 'Not modified: the `If-None-Match` ETag (or `If-Modified-Since`) still holds.' };
  }
  if ((parameters.some((parameter) => parameter.in === 'query') || operation.requestBody) && !statedErrors) {
    responses['400'] ??= errorAnswer('A parameter or the body is malformed, unknown or refused; the message names it.');
  }
  if (parameters.some((parameter) => parameter.in === 'path') && !statedErrors) responses['404'] ??= errorAnswer('Nothing published has this id or slug.');
  if (!traits.public) {
    responses['401'] ??= errorAnswer('No valid API token was sent.');
    responses['403'] ??= errorAnswer('The token may not call this route.');
  }
  return { ...operation, responses };
}

const methodOrder = ['get', 'post', 'put', 'patch', 'delete'];

/** The OpenAPI 3.1 document of the public API. */
export function buildDocument(input: DescriptionInput): Schema {
  const described = new Set(input.types.filter((type) => type.actions.some((action) => action === 'find' || action === 'findOne')).map((type) => type.model.uid));
  const isDescribed = (uid: string) => described.has(uid);
  const paths: Record<string, Record<string, Schema>> = {};
  const put = (route: string, method: string, operation: Operation, traits: { cached: boolean; public: boolean }, operationId: string) => {
    paths[route] = { ...(paths[route] ?? {}), [method]: { operationId, ...withSharedAnswers(operation, traits) } };
  };

  const schemas: Record<string, Schema> = {
    Error: errorSchema,
    LocaleMeta: localeMetaSchema,
    Pagination: paginationMetaSchema,
    PageMeta: object({ page: integer(), pageSize: integer(), pageCount: integer(), total: integer() }, { description: 'Strapi’s page-based `meta.pagination`.' }),
    [schemaName('plugin::upload.file')]: uploadFileSchema,
  };
  for (const type of input.types) {
    if (described.has(type.model.uid)) schemas[schemaName(type.model.uid)] = documentSchema(type.model, isDescribed, type.extension);
    const operations = contentTypeOperations(type, input.limits, input.locales);
    for (const [route, methods] of Object.entries(operations)) {
      for (const [method, { cached, ...operation }] of Object.entries(methods)) {
        const action = method === 'post' ? 'create' : route.endsWith('}') ? 'findOne' : 'find';
        put(route, method, operation, { cached, public: true }, `${type.model.info.singularName}.${action}`);
      }
    }
  }
  const models = input.types.filter((type) => described.has(type.model.uid)).map((type) => type.model);
  for (const model of componentsUsed(models, (uid) => input.components.get(uid))) schemas[schemaName(model.uid)] = componentSchema(model, isDescribed);
  Object.assign(schemas, input.schemas);

  for (const route of input.routes) {
    put(route.path, route.method.toLowerCase(), route.operation, { cached: route.cached, public: route.public }, route.operationId);
  }

  const sortedPaths = Object.fromEntries(
    Object.keys(paths)
      .sort()
      .map((route) => [route, Object.fromEntries(Object.entries(paths[route]!).sort(([a], [b]) => methodOrder.indexOf(a) - methodOrder.indexOf(b)))]),
  );
  const tags = [...new Set(Object.values(paths).flatMap((methods) => Object.values(methods).flatMap((operation) => (operation.tags as string[] | undefined) ?? [])))].sort();
  return {
    openapi: '3.1.0',
    info: { title: input.title, version: input.version, description: input.description, license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: input.serverUrl }],
    security: [{}, { apiToken: [] }],
    tags: tags.map((name) => ({ name })),
    paths: sortedPaths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token created in the admin (Settings → API Tokens). Public routes need none; a Read-only token adds the feed health route.',
        },
        memberSession: {
          type: 'http',
          scheme: 'bearer',
          description: 'A member’s session token, as `POST /api/community/auth/local` (or a sign-in provider’s code exchange) hands it to the website. The member routes need it.',
        },
      },
    },
  };
}
