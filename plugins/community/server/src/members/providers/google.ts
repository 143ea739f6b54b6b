import type { ProviderDefinition } from './types';

/** Google, through its OpenID Connect endpoints; on when GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are set. */
const google: ProviderDefinition = {
  id: 'google',
  name: () => 'Google',
  settings(env) {
    const clientId = env('GOOGLE_CLIENT_ID');
    const clientSecret = env('GOOGLE_CLIENT_SECRET');
    if (!clientId || !clientSecret) return null;
    return {
      protocol: 'oidc',
      issuer: env('GOOGLE_ISSUER') ?? 'https://accounts.google.com',
      clientId,
      clientSecret,
      scope: 'openid email profile',
      pkce: true,
    };
  },
};

export default google;
