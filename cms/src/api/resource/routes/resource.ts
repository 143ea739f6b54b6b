import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::resource.resource', {
  config: {
    find: { middlewares: ['global::public-query', 'plugin::community.public-cache'] },
    findOne: { middlewares: ['global::public-query', 'plugin::community.public-cache'] },
  },
});
