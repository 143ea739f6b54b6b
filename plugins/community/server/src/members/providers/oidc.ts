import { setting, type ProviderDefinition } from './types';

/**
 * Any OpenID Connect provider by its issuer URL (the community's own identity service,
 * Keycloak, Dex, …); on when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
 */
const oidc: ProviderDefinition = {
  id: 'oidc',
  name: (env) => setting(env, 'OIDC_NAME') ?? 'OpenID Connect',
  settings(env) {
    const issuer = setting(env, 'OIDC_ISSUER');
    const clientId = setting(env, 'OIDC_CLIENT_ID');
    const clientSecret = setting(env, 'OIDC_CLIENT_SECRET');
    if (!issuer || !clientId || !clientSecret) return null;
    return { protocol: 'oidc', issuer, clientId, clientSecret, scope: 'openid email profile', pkce: true };
  },
};

export default oidc;
