import type { Core } from '@strapi/strapi';
import { getService } from './utils';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const REMOVALS = new Set(['delete', 'unpublish']);

/** Every write to content through the Document Service changes the content version that public caches key on. */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (WRITES.has(context.action) && context.uid.startsWith('api::')) {
      await getService(strapi, 'content-version').bump(REMOVALS.has(context.action));
    }
    return result;
  });
};

export default register;
