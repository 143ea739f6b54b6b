import type { Core } from '@strapi/strapi';
import type { Sessions } from './sessions';

const USER = 'plugin::users-permissions.user';

/**
 * A new password (reset by e-mail, changed by the member, set by an editor) ends every
 * session of the account: whoever had a session before the change has none after it.
 * Every password write of users-permissions goes through the Document Service.
 */
export function endSessionsOnPasswordChange(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const data = (context.params as { data?: Record<string, unknown> } | undefined)?.data;
    const result = await next();
    if (context.uid === USER && context.action === 'update' && data && 'password' in data) {
      const id = (result as { id?: number } | null)?.id;
      if (typeof id === 'number') await (strapi.plugin('community').service('sessions') as Sessions).endAll(id);
    }
    return result;
  });
}
