import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '@chapterhouse/config';
import { errors } from '@strapi/utils';
import { RULE_POPULATE, RULES } from './rules';

/**
 * Checks every create and update made through the Document Service — by the admin
 * UI, the REST API, the importer or the seed — against the field rules, and refuses
 * to start a localized document in any locale but the default one (translations
 * are added to an existing document, so every document has a default-locale version
 * for the fallback chain to end on).
 */
export function registerDocumentValidation(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (action !== 'create' && action !== 'update') return next();
    const params = context.params as { data?: Record<string, unknown>; documentId?: string; locale?: string };

    const localized = (strapi.getModel(uid) as any)?.pluginOptions?.i18n?.localized === true;
    if (action === 'create' && localized && params.locale && params.locale !== DEFAULT_LOCALE) {
      throw new errors.ValidationError(
        `A new entry starts in the default locale (${DEFAULT_LOCALE}); add the "${params.locale}" version to it as a translation.`,
      );
    }

    const rules = RULES[uid];
    if (!rules) return next();
    let whole: Record<string, unknown> = params.data ?? {};
    if (action === 'update' && params.documentId) {
      const stored = await strapi.documents(uid as UID.ContentType).findOne({
        documentId: params.documentId,
        ...(localized ? { locale: params.locale ?? DEFAULT_LOCALE } : {}),
        status: 'draft',
        ...(RULE_POPULATE[uid] ? { populate: RULE_POPULATE[uid] } : {}),
      } as any);
      whole = { ...(stored ?? {}), ...whole };
    }
    const problems = rules(whole);
    if (problems.length) {
      throw new errors.ValidationError(problems.map((p) => p.message).join('; '), {
        errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError' })),
      });
    }
    return next();
  });
}
