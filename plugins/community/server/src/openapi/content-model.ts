/**
 * The content model as a page for integrators, written from the API description's schemas
 * (so it says what the API serves: public fields only, as they come out).
 */

type Json = Record<string, any>;

const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** The schema without its `null` alternative, and whether it had one. */
function unwrapNull(schema: Json): { schema: Json; nullable: boolean } {
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const types = schema.type.filter((type: string) => type !== 'null');
    return { schema: { ...schema, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  if (Array.isArray(schema.anyOf) && schema.anyOf.some((part: Json) => part.type === 'null')) {
    const rest = schema.anyOf.filter((part: Json) => part.type !== 'null');
    return { schema: rest.length === 1 ? { ...rest[0], description: schema.description } : { ...schema, anyOf: rest }, nullable: true };
  }
  return { schema, nullable: false };
}

function typeOf(schema: Json, link: (name: string) => string): string {
  if (schema.$ref) return link(refName(schema.$ref));
  if (schema.type === 'array') return `list of ${typeOf(schema.items ?? {}, link)}`;
  if (schema.enum) return `one of ${schema.enum.map((value: string) => `\`${value}\``).join(', ')}`;
  if (schema.type === 'string') {
    if (schema.format === 'date-time') return 'date and time (ISO 8601)';
    if (schema.format === 'date') return 'date';
    if (schema.format === 'email') return 'e-mail address';
    return 'text';
  }
  if (schema.type === 'integer') return 'whole number';
  if (schema.type === 'number') return 'number';
  if (schema.type === 'boolean') return 'true or false';
  if (schema.type === 'object' && schema.properties) return `object with ${Object.keys(schema.properties).map((key) => `\`${key}\``).join(', ')}`;
  return 'JSON';
}

function notes(schema: Json, nullable: boolean): string {
  const limits: string[] = [];
  if (!nullable && schema.type && !schema.$ref && schema.type !== 'array') limits.push('never null');
  if (schema.maxLength !== undefined) limits.push(`at most ${schema.maxLength} characters`);
  if (schema.minimum !== undefined && schema.maximum !== undefined) limits.push(`from ${schema.minimum} to ${schema.maximum}`);
  if (schema.pattern) limits.push(`matches \`${schema.pattern}\``);
  // The translated column says it already.
  const description = String(schema.description ?? '').replace(/^Translated: [^.]*\.\s*/, '');
  const first = limits.join(', ');
  return [first && `${first.charAt(0).toUpperCase()}${first.slice(1)}.`, description].filter(Boolean).join(' ');
}

function fieldTable(schema: Json, link: (name: string) => string): string[] {
  const rows = ['| field | type | translated | notes |', '| --- | --- | --- | --- |'];
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Json)) {
    const { schema: inner, nullable } = unwrapNull(property);
    rows.push(`| \`${name}\` | ${escape(typeOf(inner, link))} | ${property['x-translated'] ? 'yes' : ''} | ${escape(notes(inner, nullable))} |`);
  }
  return rows;
}

/** Markdown describing every public content type and component of the API description. */
export function renderContentModel(document: Json): string {
  const schemas = document.components.schemas as Json;
  const paths = document.paths as Json;
  const anchor = (name: string) => name.toLowerCase();
  const documents = Object.entries(schemas).filter(([, schema]) => String(schema['x-strapi-uid'] ?? '').startsWith('api::'));
  const components = Object.entries(schemas).filter(([, schema]) => schema['x-strapi-uid'] && !String(schema['x-strapi-uid']).includes('::'));
  const known = new Set([...documents, ...components].map(([name]) => name));
  const link = (name: string) => (known.has(name) ? `[${name}](#${anchor(name)})` : name);

  const lines = [
    '# Content model',
    '',
    'What the public content API serves, type by type: every field an anonymous reader or a read-only API token gets (private fields never leave the CMS), which of them are **translated** — given in the requested `locale` along its fallback chain, with `locale` and `localeFallback` saying which — and which relations, media and components can be populated. Written from the OpenAPI description at `/api/community/openapi.json` by `npm run content-model`; a test fails when this page and the CMS disagree.',
    '',
    'Every document has `id` (the row of one version) and `documentId` (the document, the same in every locale); use `documentId` in URLs and relations. Relations, media and components appear only when populated.',
    '',
  ];
  for (const [name, schema] of documents) {
    const route = Object.keys(paths).find((path) => !path.includes('{') && JSON.stringify(paths[path].get?.responses?.['200'] ?? {}).includes(`"#/components/schemas/${name}"`));
    lines.push(`## ${name}`, '', `${schema.description}${route ? ` Listed at \`GET ${route}\`, one by one at \`GET ${route}/{documentId}\`.` : ''}`, '', ...fieldTable(schema, link), '');
  }
  lines.push('## Components', '', 'Parts of documents, without a `documentId` of their own.', '');
  for (const [name, schema] of components) {
    const description = String(schema.description ?? name);
    lines.push(`### ${name}`, '', /[.!?]$/.test(description) ? description : `${description}.`, '', ...fieldTable(schema, link), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
