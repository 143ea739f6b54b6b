import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::membership.membership', {
  config: {
    find: { policies: ['global::personal-data'] },
    findOne: { policies: ['global::personal-data'] },
  },
});
