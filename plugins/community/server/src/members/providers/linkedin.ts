import type { ProviderDefinition } from './types';

/**
 * LinkedIn's "Sign In with LinkedIn using OpenID Connect" product; on when
 * LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET are set. LinkedIn takes PKCE from native
 * apps only, so a web sign-in goes without it (state and nonce still hold).
 */
const linkedin: ProviderDefinition = {
  id: 'linkedin',
  name: () => 'LinkedIn',
  settings(env) {
    const clientId = env('LINKEDIN_CLIENT_ID');
    const clientSecret = env('LINKEDIN_CLIENT_SECRET');
    if (!clientId || !clientSecret) return null;
    return {
      protocol: 'oidc',
      issuer: env('LINKEDIN_ISSUER') ?? 'https://www.linkedin.com/oauth',
      clientId,
      clientSecret,
      scope: 'openid profile email',
      pkce: false,
    };
  },
};

export default linkedin;
