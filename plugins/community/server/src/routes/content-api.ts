export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET',
      path: '/health',
      handler: 'health.index',
      config: { auth: false, policies: [] },
    },
  ],
};
