import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::event.event', {
  config: {
    find: { middlewares: ['global::public-query', 'plugin::community.public-cache'] },
    findOne: { middlewares: ['global::public-query', 'plugin::community.public-cache'] },
  },
});
