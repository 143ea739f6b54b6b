import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::group-application.group-application', {
  config: {
    find: { middlewares: ['global::public-query'], policies: ['global::personal-data'] },
    findOne: { middlewares: ['global::public-query'], policies: ['global::personal-data'] },
    // Limits count the visitor the website vouches for, not the website's server.
    create: { middlewares: ['plugin::community.visitor-address'] },
  },
});
