import type { Core } from '@strapi/strapi';
import { describeApplication } from './api-description';
import { backfillDirectoryFields, registerDirectoryFields } from './api/group/directory-fields';
import { registerLanguageFilter } from './api/group/language-filter';
import { backfillJoinDefaults } from './api/membership/join-defaults';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicPermissions } from './bootstrap/permissions';
import { applySignUpSetting } from './bootstrap/sign-up';
import { guardBodyParsing } from './security/body-parsing';
import { seedDemoIfEmpty } from './seed';
import { registerDocumentValidation } from './validation/document-validation';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentValidation(strapi);
    registerDirectoryFields(strapi);
    registerLanguageFilter(strapi);
    guardBodyParsing(strapi);
    describeApplication(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await backfillDirectoryFields(strapi);
    await backfillJoinDefaults(strapi);
    await ensurePublicPermissions(strapi);
    await applySignUpSetting(strapi);
    if (process.env.SEED_DEMO !== 'false') await seedDemoIfEmpty(strapi);
  },
};
