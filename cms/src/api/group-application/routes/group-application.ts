import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::group-application.group-application', {
  config: {
    find: { middlewares: ['global::public-query'] },
    findOne: { middlewares: ['global::public-query'] },
  },
});
