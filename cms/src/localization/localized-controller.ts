import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_LOCALE, localizeInPlace, readLocaleParam, type Doc, type LocaleRequest } from '@chapterhouse/config';
import { errors } from '@strapi/utils';
import { checkedQuery } from './checked-query';
import { translatedQuery } from './translated-query';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
type Attribute = { type: string; target?: string; component?: string; pluginOptions?: { i18n?: { localized?: boolean } } };

const attributesOf = (strapi: Core.Strapi, uid: string) => strapi.getModel(uid as UID.Schema).attributes as Record<string, Attribute>;

/** Whether documents of a content type have a version per locale. */
export function isLocalizedType(strapi: Core.Strapi, uid: string): boolean {
  return (strapi.getModel(uid as UID.Schema) as { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined)?.pluginOptions?.i18n?.localized === true;
}

/** Names of the attributes that differ per locale (texts and localized components). */
export function localizedAttributes(strapi: Core.Strapi, uid: string): string[] {
  return Object.entries(attributesOf(strapi, uid))
    .filter(([, attribute]) => attribute.pluginOptions?.i18n?.localized === true)
    .map(([name]) => name);
}

/** The documents populated under `docs` (relations only; `localizations` are versions, not relations), by content type. */
function populatedRelations(strapi: Core.Strapi, uid: string, docs: Doc[]): Map<string, Doc[]> {
  const found = new Map<string, Doc[]>();
  for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
    if (attribute.type !== 'relation' || !attribute.target || name === 'localizations') continue;
    for (const doc of docs) {
      const value = doc[name];
      const related = (Array.isArray(value) ? value : [value]).filter((item): item is Doc => typeof item === 'object' && item !== null);
      if (related.length) found.set(attribute.target, [...(found.get(attribute.target) ?? []), ...related]);
    }
  }
  return found;
}

/** A component with the components nested in it, at any depth (components hold no relations to populate here). */
function componentPopulate(strapi: Core.Strapi, attribute: Attribute): true | { populate: Record<string, unknown> } {
  const nested = Object.entries(attributesOf(strapi, attribute.component!)).filter(([, inner]) => inner.type === 'component');
  if (!nested.length) return true;
  return { populate: Object.fromEntries(nested.map(([name, inner]) => [name, componentPopulate(strapi, inner)])) };
}

/**
 * Serves documents of one localized type in the requested locale: one query per locale of
 * the chain (beyond the default) fetches the localized attributes these documents carry.
 */
async function localizeLevel(strapi: Core.Strapi, uid: string, docs: Doc[], requested: LocaleRequest) {
  const attributes = attributesOf(strapi, uid);
  const keys = localizedAttributes(strapi, uid).filter((key) => docs.some((doc) => key in doc));
  const fields = keys.filter((key) => attributes[key]?.type !== 'component');
  const components = keys.filter((key) => attributes[key]?.type === 'component');
  const ids = [...new Set(docs.map((doc) => String(doc.documentId)))];
  const versions = new Map<string, Doc[]>();
  await Promise.all(
    requested.chain
      .filter((locale) => locale !== DEFAULT_LOCALE)
      .map(async (locale) => {
        // Our own query on published versions, so the query engine serves it without the Document Service's per-call work.
        const found = await strapi.db.query(uid as UID.ContentType).findMany({
          where: { locale, publishedAt: { $notNull: true }, documentId: { $in: ids } },
          select: ['id', 'documentId', ...fields],
          ...(components.length ? { populate: Object.fromEntries(components.map((key) => [key, componentPopulate(strapi, attributes[key]!)])) } : {}),
        });
        versions.set(locale, found as Doc[]);
      }),
  );
  localizeInPlace(docs, versions, requested, keys, DEFAULT_LOCALE);
}

/**
 * Gives the documents, and every localized document populated under them at any depth,
 * their texts in the requested locale along the fallback chain, with the same
 * `locale`/`localeFallback` marks. Populated documents come as Strapi read them: the
 * default-locale versions, which carry the relations.
 */
export async function localizeDocuments(strapi: Core.Strapi, uid: string, docs: Doc[], requested: LocaleRequest) {
  let level = new Map<string, Doc[]>([[uid, docs]]);
  while (level.size) {
    const next = new Map<string, Doc[]>();
    await Promise.all(
      [...level].map(async ([type, items]) => {
        if (isLocalizedType(strapi, type)) await localizeLevel(strapi, type, items, requested);
        for (const [target, related] of populatedRelations(strapi, type, items)) next.set(target, [...(next.get(target) ?? []), ...related]);
      }),
    );
    level = next;
  }
}

function localeOf(ctx: Ctx): LocaleRequest {
  const result = readLocaleParam(ctx.query.locale);
  if (typeof result === 'string') throw new errors.ValidationError(result, { source: 'query', param: 'locale' });
  return result;
}

/**
 * Read actions for a localized content type that never come back empty: documents
 * are listed from their default-locale version (which carries relations and shared
 * fields), and each one's texts — its own and those of the documents populated with
 * it — are taken from the best locale along the requested locale's fallback chain.
 * Filters and sorts on translated fields read the texts the client is served. Every
 * localized item says which locale its texts are in and whether that is a fallback.
 */
export function localizedReadActions(strapi: Core.Strapi, uid: UID.ContentType) {
  return {
    async find(this: any, ctx: Ctx) {
      const requested = localeOf(ctx);
      const query = await checkedQuery(strapi, uid, ctx);
      const { results, pagination } = await translatedQuery(strapi, uid, query, requested);
      await localizeDocuments(strapi, uid, results, requested);
      const sanitized = await this.sanitizeOutput(results, ctx);
      return this.transformResponse(sanitized, { pagination, locale: requested });
    },

    async findOne(this: any, ctx: Ctx) {
      const requested = localeOf(ctx);
      const query = await checkedQuery(strapi, uid, ctx);
      const { id } = ctx.params as { id: string };
      const base = (await strapi
        .service(uid as any)
        .findOne(id, { ...query, locale: DEFAULT_LOCALE, status: 'published' })) as Doc | null;
      if (!base) return ctx.notFound();
      await localizeDocuments(strapi, uid, [base], requested);
      const sanitized = await this.sanitizeOutput(base, ctx);
      return this.transformResponse(sanitized, { locale: requested });
    },
  };
}
