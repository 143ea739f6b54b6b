import { integer, list, nullable, number, object, ref, text, type Schema } from './schema';

/** A content type or component as Strapi loads it (the parts the description reads). */
export interface AttributeModel {
  type: string;
  target?: string;
  relation?: string;
  component?: string;
  repeatable?: boolean;
  multiple?: boolean;
  enum?: string[];
  private?: boolean;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  min?: number;
  max?: number;
  regex?: string;
  pluginOptions?: { i18n?: { localized?: boolean } };
}

export interface TypeModel {
  uid: string;
  info: { singularName?: string; pluralName?: string; displayName: string; description?: string };
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
  attributes: Record<string, AttributeModel>;
}

/** What the content API adds to one type's documents beyond its attributes (computed fields). */
export interface DocumentExtension {
  properties: Record<string, Schema>;
}

export const UPLOAD_FILE = 'plugin::upload.file';
const SKIPPED = new Set(['createdBy', 'updatedBy']);

/** `api::group.group` → `Group`, `event.venue` → `EventVenue`, `plugin::upload.file` → `UploadFile`. */
export function schemaName(uid: string): string {
  const words = uid.startsWith('api::')
    ? [uid.slice(5).split('.')[1]!]
    : uid.includes('::')
      ? uid.slice(uid.indexOf('::') + 2).split('.')
      : uid.split('.');
  return words
    .flatMap((word) => word.split('-'))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

export const isLocalizedType = (model: TypeModel) => model.pluginOptions?.i18n?.localized === true;
export const isTranslated = (attribute: AttributeModel) => attribute.pluginOptions?.i18n?.localized === true && attribute.type !== 'relation';

const TO_ONE = new Set(['oneToOne', 'manyToOne', 'morphToOne']);

/** The public attributes of a type, in their declared order. */
export function publicAttributes(model: { attributes: Record<string, AttributeModel> }): [string, AttributeModel][] {
  return Object.entries(model.attributes).filter(([name, attribute]) => !attribute.private && attribute.type !== 'password' && !SKIPPED.has(name));
}

/**
 * The JSON Schema of one attribute's value as the content API answers it. Relations, media
 * and components appear only when populated; `described` says which types have a schema of
 * their own (relations to others are left out of the description).
 */
export function attributeSchema(attribute: AttributeModel, described: (uid: string) => boolean): Schema | null {
  const orNull = (schema: Schema) => (attribute.required ? schema : nullable(schema));
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
      return orNull(
        text(undefined, {
          ...(attribute.maxLength !== undefined ? { maxLength: attribute.maxLength } : {}),
          ...(attribute.regex ? { pattern: attribute.regex } : {}),
        }),
      );
    case 'email':
      return orNull(text(undefined, { format: 'email' }));
    case 'enumeration':
      return orNull(text(undefined, { enum: attribute.enum ?? [] }));
    case 'integer':
      return orNull(integer(undefined, attribute.min !== undefined ? { minimum: attribute.min, maximum: attribute.max } : {}));
    case 'biginteger':
      return orNull(text('A whole number, as text (it may exceed JavaScript’s safe integers).', { pattern: '^-?\\d+$' }));
    case 'float':
    case 'decimal':
      return orNull(number(undefined, attribute.min !== undefined ? { minimum: attribute.min, maximum: attribute.max } : {}));
    case 'boolean':
      return orNull({ type: 'boolean' });
    case 'date':
      return orNull(text(undefined, { format: 'date' }));
    case 'time':
      return orNull(text(undefined, { pattern: '^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$' }));
    case 'datetime':
    case 'timestamp':
      return orNull(text(undefined, { format: 'date-time' }));
    case 'json':
    case 'blocks':
      return {};
    case 'media':
      return nullable(attribute.multiple ? list(ref(schemaName(UPLOAD_FILE))) : ref(schemaName(UPLOAD_FILE)));
    case 'component':
      return attribute.repeatable ? list(ref(schemaName(attribute.component!))) : nullable(ref(schemaName(attribute.component!)));
    case 'relation':
      if (!attribute.target || !described(attribute.target)) return null;
      return TO_ONE.has(attribute.relation ?? '') ? nullable(ref(schemaName(attribute.target))) : list(ref(schemaName(attribute.target)));
    default:
      return {};
  }
}

function describe(attribute: AttributeModel, base: Schema): Schema {
  const notes: string[] = [];
  if (isTranslated(attribute)) notes.push('Translated: given in the requested locale along its fallback chain.');
  if (attribute.type === 'relation' || attribute.type === 'media' || attribute.type === 'component' || attribute.type === 'dynamiczone') {
    notes.push('Present only when populated (`populate`).');
  }
  if (attribute.type === 'richtext') notes.push('Markdown.');
  return {
    ...base,
    ...(notes.length ? { description: notes.join(' ') } : {}),
    ...(isTranslated(attribute) ? { 'x-translated': true } : {}),
  };
}

/**
 * One document as the content API returns it. Every field but `id` and `documentId` may be
 * left out by a `fields` selection, and relations, media and components appear only when
 * populated, so only those two are required.
 */
export function documentSchema(model: TypeModel, described: (uid: string) => boolean, extension?: DocumentExtension): Schema {
  const properties: Record<string, Schema> = {
    id: integer('The row id of this version; use `documentId` to refer to the document.'),
    documentId: text('The document’s permanent id, the same in every locale.'),
  };
  for (const [name, attribute] of publicAttributes(model)) {
    if (name === 'locale') continue;
    const schema = attributeSchema(attribute, described);
    if (schema) properties[name] = name === 'localizations' ? { ...schema, description: 'The document’s published versions in the other locales, as stored (no fallback). Present only when populated.' } : describe(attribute, schema);
  }
  properties.createdAt = text(undefined, { format: 'date-time' });
  properties.updatedAt = text(undefined, { format: 'date-time' });
  if (model.options?.draftAndPublish) properties.publishedAt = text('Only published documents are served.', { format: 'date-time' });
  if (isLocalizedType(model)) {
    properties.locale = text('The locale the translated fields are in.');
    properties.localeFallback = { type: 'boolean', description: 'True when that locale is not the one asked for (a fallback along the chain).' };
  }
  Object.assign(properties, extension?.properties ?? {});
  const schema = object(properties, { optional: Object.keys(properties).filter((name) => name !== 'id' && name !== 'documentId') });
  return {
    ...schema,
    description: [model.info.description, isLocalizedType(model) ? 'Translated per locale.' : 'The same in every locale.'].filter(Boolean).join('. '),
    'x-strapi-uid': model.uid,
  };
}

/** A component's value: its attributes and its `id`. */
export function componentSchema(model: TypeModel, described: (uid: string) => boolean): Schema {
  const properties: Record<string, Schema> = { id: integer() };
  for (const [name, attribute] of publicAttributes(model)) {
    const schema = attributeSchema(attribute, described);
    if (schema) properties[name] = describe(attribute, schema);
  }
  return { ...object(properties, { optional: Object.keys(properties).filter((name) => name !== 'id') }), description: model.info.description ?? model.info.displayName, 'x-strapi-uid': model.uid };
}

/** An uploaded file (a group's logo, a page's attachments), as Strapi's media library describes it. */
export const uploadFileSchema: Schema = {
  ...object(
    {
      id: integer(),
      documentId: text(),
      name: text(),
      alternativeText: nullable(text()),
      caption: nullable(text()),
      width: nullable(integer()),
      height: nullable(integer()),
      formats: { description: 'Smaller renditions of an image (thumbnail, small, medium, large), each with its own `url`.' },
      hash: text(),
      ext: nullable(text()),
      mime: text(),
      size: number('Kilobytes.'),
      url: text('The file’s address: a path on the CMS (prefix it with the CMS’s address) or an absolute URL.'),
      previewUrl: nullable(text()),
      provider: text(),
      provider_metadata: {},
      createdAt: text(undefined, { format: 'date-time' }),
      updatedAt: text(undefined, { format: 'date-time' }),
      publishedAt: nullable(text(undefined, { format: 'date-time' })),
    },
    { optional: ['alternativeText', 'caption', 'width', 'height', 'formats', 'hash', 'ext', 'mime', 'size', 'previewUrl', 'provider', 'provider_metadata', 'createdAt', 'updatedAt', 'publishedAt'], open: true },
  ),
  description: 'A file of the media library.',
};

/** The components the described types use, however deep. */
export function componentsUsed(models: TypeModel[], component: (uid: string) => TypeModel | undefined): TypeModel[] {
  const found = new Map<string, TypeModel>();
  const visit = (model: TypeModel) => {
    for (const [, attribute] of publicAttributes(model)) {
      if (attribute.type !== 'component' || !attribute.component || found.has(attribute.component)) continue;
      const inner = component(attribute.component);
      if (!inner) continue;
      found.set(attribute.component, inner);
      visit(inner);
    }
  };
  models.forEach(visit);
  return [...found.values()];
}
