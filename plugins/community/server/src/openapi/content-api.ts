import { isLocalizedType, isTranslated, publicAttributes, schemaName, type TypeModel } from './content-types';
import { integer, json, list, object, oneOfValues, path, query, ref, text, type Operation, type Parameter, type Schema } from './schema';

export interface ContentApiLimits {
  defaultPageSize: number;
  maxPageSize: number;
}

/** A content type's public actions, as the API description states them. */
export interface PublicType {
  model: TypeModel;
  /** Strapi's core actions the public may call: find, findOne, create… */
  actions: string[];
  /** Whether anonymous answers are cached and carry an ETag. */
  cached: Record<string, boolean>;
  /** Operations stated by the application for its own actions (e.g. a create with its own answer). */
  operations?: Record<string, Partial<Operation>>;
}

export const LOCALE_PATTERN = '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$';

export function localeParameter(locales: readonly string[]): Parameter {
  return query(
    'locale',
    `Any BCP 47 language tag. Every document is served, its translated fields in the best locale along the tag's fallback chain (offered: ${locales.join(', ')}; e.g. pt-PT → pt-BR → en, anything else → en). Each document says \`locale\` and \`localeFallback\`; \`meta.locale\` gives the chain. Filters and sorts on translated fields read the texts served.`,
    text(undefined, { pattern: LOCALE_PATTERN, default: 'en' }),
    { example: 'fr' },
  );
}

const fieldsParameter = (model: TypeModel): Parameter =>
  query(
    'fields',
    'The attributes to return (`id` and `documentId` always come): `fields[0]=title&fields[1]=slug`.',
    {
      type: 'object',
      additionalProperties: oneOfValues(
        publicAttributes(model)
          .filter(([, attribute]) => !['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type))
          .map(([name]) => name),
      ),
    },
    { style: 'deepObject', explode: true },
  );

const populateParameter = (model: TypeModel): Parameter => {
  const relations = publicAttributes(model)
    .filter(([, attribute]) => ['relation', 'media', 'component'].includes(attribute.type))
    .map(([name]) => name);
  return query(
    'populate',
    `Relations, media and components to include (${relations.map((name) => `\`${name}\``).join(', ')}): \`populate=*\`, \`populate[0]=region\`, or with options \`populate[events][fields][0]=title\`. At most 2 levels deep and 12 in all. Populated localized documents are translated like the listed ones.`,
    { type: 'object', additionalProperties: true },
    { style: 'deepObject', explode: true },
  );
};

const filtersParameter = (model: TypeModel): Parameter =>
  query(
    'filters',
    `Strapi filters: \`filters[slug][$eq]=paris\`, \`filters[$or][0][kind][$eq]=working-group\`, relations too (\`filters[region][slug][$eq]=europe\`). Operators: $eq, $eqi, $ne, $nei, $lt, $lte, $gt, $gte, $in, $notIn (at most 100 values), $contains, $notContains, $containsi, $notContainsi, $startsWith, $startsWithi, $endsWith, $endsWithi, $null, $notNull, $between, $and, $or, $not; at most 6 levels and 50 conditions. Private fields cannot be filtered on.${
      publicAttributes(model).some(([, attribute]) => isTranslated(attribute)) ? ' Conditions on translated fields test the texts served in the requested locale.' : ''
    }`,
    { type: 'object', additionalProperties: true },
    { style: 'deepObject', explode: true },
  );

const sortParameter: Parameter = query(
  'sort',
  'Sort keys, each `field` or `field:asc|desc`: `sort[0]=startsAt:desc&sort[1]=title` (or `sort=startsAt:desc`). A translated field sorts by the texts served, in the requested language’s order; it combines only with fields of the listed documents, and translated fields of related documents cannot be sorted on.',
  { type: 'object', additionalProperties: text(undefined, { pattern: '^[A-Za-z_][A-Za-z0-9_.-]*(:(asc|desc))?$' }) },
  { style: 'deepObject', explode: true },
);

const statusParameter: Parameter = query('status', 'Only published content is public; any other value is refused.', oneOfValues(['published']));

function paginationParameter(limits: ContentApiLimits): Parameter {
  return query(
    'pagination',
    `Page-based (\`pagination[page]\`, \`pagination[pageSize]\`: ${limits.defaultPageSize} by default, at most ${limits.maxPageSize}) or offset-based (\`pagination[start]\`, \`pagination[limit]\`); \`pagination[withCount]=false\` leaves out the total.`,
    object(
      {
        page: integer(undefined, { minimum: 1 }),
        pageSize: integer(undefined, { minimum: 1, maximum: limits.maxPageSize }),
        start: integer(undefined, { minimum: 0 }),
        limit: integer(undefined, { minimum: 1, maximum: limits.maxPageSize }),
        withCount: { type: 'boolean' },
      },
      { optional: ['page', 'pageSize', 'start', 'limit', 'withCount'] },
    ),
    { style: 'deepObject', explode: true },
  );
}

/** Strapi's `meta.pagination`, page-based or offset-based; without the count when `withCount=false`. */
export const paginationMetaSchema: Schema = {
  oneOf: [
    object({ page: integer(), pageSize: integer(), pageCount: integer(), total: integer() }, { optional: ['pageCount', 'total'] }),
    object({ start: integer(), limit: integer(), total: integer() }, { optional: ['total'] }),
  ],
};

export const localeMetaSchema: Schema = object(
  {
    requested: text('The locale asked for (normalised when it is an offered one).'),
    chain: list(text(), 'The locales tried, best first.'),
  },
  { description: 'How translated fields were chosen.' },
);

/** The operations of one public content type, by OpenAPI path and method. */
export function contentTypeOperations(type: PublicType, limits: ContentApiLimits, locales: readonly string[]): Record<string, Record<string, Operation & { cached: boolean }>> {
  const { model } = type;
  const plural = model.info.pluralName!;
  const name = schemaName(model.uid);
  const localized = isLocalizedType(model);
  const tag = model.info.displayName;
  const meta = (withPagination: boolean) =>
    object(
      {
        ...(withPagination ? { pagination: ref('Pagination') } : {}),
        ...(localized ? { locale: ref('LocaleMeta') } : {}),
      },
      {},
    );
  const read = [...(localized ? [localeParameter(locales)] : []), fieldsParameter(model), populateParameter(model), statusParameter];
  const paths: Record<string, Record<string, Operation & { cached: boolean }>> = {};
  const add = (route: string, method: string, operation: Operation, action: string) => {
    const patched = { ...operation, ...(type.operations?.[action] ?? {}) } as Operation;
    paths[route] = { ...(paths[route] ?? {}), [method]: { ...patched, cached: type.cached[action] === true } };
  };
  if (type.actions.includes('find')) {
    add(
      `/api/${plural}`,
      'get',
      {
        summary: `List ${model.info.displayName.toLowerCase()} documents`,
        description: model.info.description,
        tags: [tag],
        parameters: [...read, filtersParameter(model), sortParameter, paginationParameter(limits)],
        responses: { 200: json(`One page of ${plural}.`, object({ data: list(ref(name)), meta: meta(true) })) },
      },
      'find',
    );
  }
  if (type.actions.includes('findOne')) {
    add(
      `/api/${plural}/{documentId}`,
      'get',
      {
        summary: `One ${model.info.displayName.toLowerCase()} document`,
        tags: [tag],
        parameters: [path('documentId', 'The document’s `documentId`.'), ...read],
        responses: { 200: json(`The ${model.info.singularName}.`, object({ data: ref(name), meta: meta(false) })) },
      },
      'findOne',
    );
  }
  if (type.actions.includes('create')) {
    add(
      `/api/${plural}`,
      'post',
      {
        summary: `Create a ${model.info.displayName.toLowerCase()}`,
        tags: [tag],
        responses: { 201: json('Created.', object({ data: ref(name) })) },
      },
      'create',
    );
  }
  return paths;
}
