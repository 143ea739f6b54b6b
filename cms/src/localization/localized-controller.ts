import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_LOCALE, overlayTranslations, readLocaleParam, type Doc, type LocaleRequest } from '@chapterhouse/config';
import { errors } from '@strapi/utils';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/** Names of the attributes that differ per locale (texts and localized components). */
export function localizedAttributes(strapi: Core.Strapi, uid: UID.ContentType): string[] {
  const { attributes } = strapi.getModel(uid);
  return Object.entries(attributes)
    .filter(([, attribute]) => (attribute as any).pluginOptions?.i18n?.localized === true)
    .map(([name]) => name);
}

function localeOf(ctx: Ctx): LocaleRequest {
  const result = readLocaleParam(ctx.query.locale);
  if (typeof result === 'string') throw new errors.ValidationError(result, { source: 'query', param: 'locale' });
  return result;
}

/**
 * Read actions for a localized content type that never come back empty: documents
 * are listed from their default-locale version (which carries relations and shared
 * fields), and each one's texts are taken from the best locale along the requested
 * locale's fallback chain. Every item says which locale its texts are in and whether
 * that is a fallback.
 */
export function localizedReadActions(strapi: Core.Strapi, uid: UID.ContentType) {
  const keys = localizedAttributes(strapi, uid);

  async function translations(ids: string[], chain: string[], query: Record<string, unknown>) {
    const versions = new Map<string, Doc[]>();
    if (!ids.length) return versions;
    const { fields, populate } = query;
    await Promise.all(
      chain
        .filter((locale) => locale !== DEFAULT_LOCALE)
        .map(async (locale) => {
          const docs = await strapi.documents(uid).findMany({
            locale,
            status: 'published',
            filters: { documentId: { $in: ids } },
            ...(fields ? { fields } : {}),
            ...(populate ? { populate } : {}),
          } as any);
          versions.set(locale, docs as Doc[]);
        }),
    );
    return versions;
  }

  function mark<T extends Doc>(doc: T, locale: string, requested: LocaleRequest) {
    return { ...doc, locale, localeFallback: locale !== requested.requested };
  }

  return {
    async find(this: any, ctx: Ctx) {
      const requested = localeOf(ctx);
      await this.validateQuery(ctx);
      const query = await this.sanitizeQuery(ctx);
      const { results, pagination } = await strapi
        .service(uid as any)
        .find({ ...query, locale: DEFAULT_LOCALE, status: 'published' });
      const base = results as Doc[];
      const versions = await translations(base.map((d) => String(d.documentId)), requested.chain, query);
      const served = overlayTranslations(base, versions, requested.chain, keys, DEFAULT_LOCALE);
      const sanitized = (await this.sanitizeOutput(served.map((s) => s.doc), ctx)) as Doc[];
      const data = sanitized.map((doc, i) => mark(doc, served[i]!.locale, requested));
      return this.transformResponse(data, { pagination, locale: requested });
    },

    async findOne(this: any, ctx: Ctx) {
      const requested = localeOf(ctx);
      await this.validateQuery(ctx);
      const query = await this.sanitizeQuery(ctx);
      const { id } = ctx.params as { id: string };
      const base = (await strapi
        .service(uid as any)
        .findOne(id, { ...query, locale: DEFAULT_LOCALE, status: 'published' })) as Doc | null;
      if (!base) return ctx.notFound();
      const versions = await translations([String(base.documentId)], requested.chain, query);
      const [served] = overlayTranslations([base], versions, requested.chain, keys, DEFAULT_LOCALE);
      const sanitized = (await this.sanitizeOutput(served!.doc, ctx)) as Doc;
      return this.transformResponse(mark(sanitized, served!.locale, requested), { locale: requested });
    },
  };
}
