import * as client from 'openid-client';
import type { OidcSettings } from './providers';

/** What a provider says about the person once the sign-in is verified. */
export interface VerifiedIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** Plain HTTP is accepted from a provider on this machine only (a local identity service, the tests' providers). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const isLoopback = (url: string) => LOOPBACK.has(new URL(url).hostname);

const configurations = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's configuration from its discovery document, fetched once per process.
 * ID tokens are checked against the provider's keys (JWKS) even though they come straight
 * from its token endpoint, besides their issuer, audience, expiry and nonce.
 */
function configurationOf(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    found = client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        execute: isLoopback(settings.issuer) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .then((configuration) => {
        client.enableNonRepudiationChecks(configuration);
        return configuration;
      });
    // A provider that was down is asked again next time.
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

export interface OidcStart {
  url: string;
  codeVerifier: string | null;
  nonce: string;
}

/** Where to send the browser: the provider's authorization endpoint with state, nonce and (where the provider takes it) a PKCE challenge. */
export async function oidcStart(settings: OidcSettings, redirectUri: string, state: string): Promise<OidcStart> {
  const configuration = await configurationOf(settings);
  const nonce = client.randomNonce();
  const parameters: Record<string, string> = { redirect_uri: redirectUri, scope: settings.scope, response_type: 'code', state, nonce };
  let codeVerifier: string | null = null;
  if (settings.pkce) {
    codeVerifier = client.randomPKCECodeVerifier();
    parameters.code_challenge = await client.calculatePKCECodeChallenge(codeVerifier);
    parameters.code_challenge_method = 'S256';
  }
  return { url: client.buildAuthorizationUrl(configuration, parameters).href, codeVerifier, nonce };
}

/**
 * The provider's answer at our callback, verified: the code is exchanged (with the PKCE
 * verifier), the ID token's signature, issuer, audience, expiry and nonce checked.
 * Throws on anything else.
 */
export async function oidcFinish(
  settings: OidcSettings,
  redirectUri: string,
  query: string,
  checks: { state: string; nonce: string; codeVerifier: string | null },
): Promise<VerifiedIdentity> {
  const configuration = await configurationOf(settings);
  const tokens = await client.authorizationCodeGrant(
    configuration,
    new URL(`${redirectUri}?${query}`),
    { expectedState: checks.state, expectedNonce: checks.nonce, pkceCodeVerifier: checks.codeVerifier ?? undefined, idTokenExpected: true },
    { redirect_uri: redirectUri },
  );
  const idToken = tokens.claims();
  if (!idToken || typeof idToken.sub !== 'string' || !idToken.sub) throw new Error('The ID token names nobody.');
  let claims: Record<string, unknown> = idToken;
  // Providers that keep the address out of the ID token give it at their userinfo endpoint (checked to be about the same subject).
  if (typeof idToken.email !== 'string' && configuration.serverMetadata().userinfo_endpoint) {
    claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), sub: idToken.sub };
  }
  const email = typeof claims.email === 'string' && claims.email.includes('@') ? claims.email.toLowerCase() : null;
  const name = typeof claims.name === 'string' ? claims.name : null;
  return { subject: idToken.sub, email, emailVerified: claims.email_verified === true, name };
}
