const canRead = { name: 'admin::hasPermissions', config: { actions: ['plugin::community.feeds.read'] } };
const canImport = { name: 'admin::hasPermissions', config: { actions: ['plugin::community.feeds.import'] } };

export default {
  type: 'admin' as const,
  routes: [
    {
      method: 'GET',
      path: '/feeds',
      handler: 'feeds.status',
      config: { policies: ['admin::isAuthenticatedAdmin', canRead] },
    },
    {
      method: 'GET',
      path: '/feeds/import',
      handler: 'feeds.latestRun',
      config: { policies: ['admin::isAuthenticatedAdmin', canRead] },
    },
    {
      method: 'POST',
      path: '/feeds/import',
      handler: 'feeds.importNow',
      config: { policies: ['admin::isAuthenticatedAdmin', canImport] },
    },
  ],
};
