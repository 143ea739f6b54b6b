import type { Core } from '@strapi/strapi';
import { untransactedPublicReads } from './public-reads';
import { changesPublic, isRemoval } from './public-writes';
import { endSessionsOnPasswordChange } from './members/password-changes';
import { shareRateLimits } from './rate-limit-store';
import { getService } from './utils';

const MEMBERSHIP = 'api::membership.membership';

/**
 * Every write through the Document Service that can change public content changes the
 * content version that public caches key on; users-permissions counts its rate limits in
 * the database, so they hold across instances; the reads behind anonymous answers skip the
 * Document Service's transaction.
 */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  shareRateLimits(strapi);
  endSessionsOnPasswordChange(strapi);
  untransactedPublicReads(strapi);
  strapi.documents.use(async (context, next) => {
    const params = context.params as { documentId?: string; status?: string; data?: Record<string, unknown> } | undefined;
    let wasCoordinator = false;
    if (context.uid === MEMBERSHIP && (context.action === 'update' || context.action === 'delete') && params?.documentId) {
      const before = (await strapi.db.query(MEMBERSHIP).findOne({ where: { documentId: params.documentId }, select: ['role'] })) as { role?: string } | null;
      wasCoordinator = before?.role === 'coordinator';
    }
    const result = await next();
    const draftAndPublish = (strapi.getModel(context.uid) as { options?: { draftAndPublish?: boolean } } | undefined)?.options?.draftAndPublish === true;
    if (changesPublic({ uid: context.uid, action: context.action, params, draftAndPublish, wasCoordinator })) {
      await getService(strapi, 'content-version').bump(isRemoval(context.action));
    }
    return result;
  });
};

export default register;
