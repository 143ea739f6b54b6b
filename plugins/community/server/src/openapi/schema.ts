/**
 * Small builders for the JSON Schema (2020-12, as OpenAPI 3.1 uses it) of the API
 * description, so each route can state its parameters and answers in a few lines.
 */

export type Schema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  description: string;
  required?: boolean;
  schema: Schema;
  style?: 'form' | 'deepObject' | 'simple';
  explode?: boolean;
  example?: unknown;
}

export interface Operation {
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: Schema;
  /** Answers by status code; the description's shared answers (400, 404, 304) are added from the route's traits. */
  responses: Record<string, Schema>;
  security?: Record<string, string[]>[];
}

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const text = (description?: string, extra: Schema = {}): Schema => ({ type: 'string', ...(description ? { description } : {}), ...extra });
export const integer = (description?: string, extra: Schema = {}): Schema => ({ type: 'integer', ...(description ? { description } : {}), ...extra });
export const number = (description?: string, extra: Schema = {}): Schema => ({ type: 'number', ...(description ? { description } : {}), ...extra });
export const boolean = (description?: string): Schema => ({ type: 'boolean', ...(description ? { description } : {}) });
export const dateTime = (description?: string): Schema => text(description, { format: 'date-time' });
export const uri = (description?: string): Schema => text(description, { format: 'uri' });
export const oneOfValues = (values: readonly string[], description?: string): Schema => text(description, { enum: [...values] });
export const list = (items: Schema, description?: string): Schema => ({ type: 'array', items, ...(description ? { description } : {}) });

/** The schema, or null. */
export function nullable(schema: Schema): Schema {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  const { description, ...rest } = schema;
  return { ...(description ? { description } : {}), anyOf: [rest, { type: 'null' }] };
}

/** An object with exactly these properties; all are present unless named in `optional`. */
export function object(properties: Record<string, Schema>, options: { optional?: string[]; description?: string; open?: boolean } = {}): Schema {
  const optional = new Set(options.optional ?? []);
  const required = Object.keys(properties).filter((name) => !optional.has(name));
  return {
    type: 'object',
    ...(options.description ? { description: options.description } : {}),
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: options.open === true,
  };
}

/** A JSON answer with this body. */
export const json = (description: string, body: Schema, headers?: Schema): Schema => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: body } },
});

/** A text answer (calendars, feeds) of this media type. */
export const textBody = (description: string, mediaType: string): Schema => ({
  description,
  content: { [mediaType]: { schema: { type: 'string' } } },
});

export const query = (name: string, description: string, schema: Schema, extra: Partial<Parameter> = {}): Parameter => ({ name, in: 'query', description, schema, ...extra });
export const path = (name: string, description: string, schema: Schema = text()): Parameter => ({ name, in: 'path', description, required: true, schema });

/** Strapi's page-based pagination, `pagination[page]` and `pagination[pageSize]`. */
export function pagination(pageSize: number, maxPageSize: number): Parameter {
  return query(
    'pagination',
    `Page-based paging as in Strapi's content API: \`pagination[page]\` (from 1) and \`pagination[pageSize]\` (${pageSize} by default, at most ${maxPageSize}).`,
    object(
      {
        page: integer('The page, from 1.', { minimum: 1, maximum: 10_000, default: 1 }),
        pageSize: integer('Items per page.', { minimum: 1, maximum: maxPageSize, default: pageSize }),
      },
      { optional: ['page', 'pageSize'] },
    ),
    { style: 'deepObject', explode: true },
  );
}
