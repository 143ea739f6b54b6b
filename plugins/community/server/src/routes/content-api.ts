export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET',
      path: '/health',
      handler: 'health.index',
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/groups.geojson',
      handler: 'geojson.groups',
      // Public on purpose: the map and integrators read every published group's location.
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/content-version',
      handler: 'content-version.show',
      // Public on purpose: a token that reveals nothing but whether content changed.
      config: { auth: false, policies: [] },
    },
  ],
};
