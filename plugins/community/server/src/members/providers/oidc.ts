import type { ProviderDefinition } from './types';

/**
 * Any OpenID Connect provider by its issuer URL (the community's own identity service,
 * Keycloak, Dex, …); on when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
 */
const oidc: ProviderDefinition = {
  id: 'oidc',
  name: (env) => env('OIDC_NAME') ?? 'OpenID Connect',
  settings(env) {
    const issuer = env('OIDC_ISSUER');
    const clientId = env('OIDC_CLIENT_ID');
    const clientSecret = env('OIDC_CLIENT_SECRET');
    if (!issuer || !clientId || !clientSecret) return null;
    return { protocol: 'oidc', issuer, clientId, clientSecret, scope: 'openid email profile', pkce: true };
  },
};

export default oidc;
