import * as openid from 'openid';
import type { VerifiedIdentity } from './oidc-protocol';
import type { OpenId2Settings } from './providers';

const SREG = { email: 'optional', fullname: 'optional', nickname: 'optional' };

interface Discovered {
  endpoint: string;
  version: string;
}

const library = openid as unknown as {
  discover(identifier: string, strict: boolean, callback: (error: { message: string } | null, providers?: Discovered[]) => void): void;
  SimpleRegistration: new (fields: Record<string, string>) => object;
};

/** The OP endpoint the provider's identifier names (OpenID 2.0 discovery, Yadis). */
function endpointOf(settings: OpenId2Settings): Promise<string> {
  return new Promise((resolve, reject) => {
    library.discover(settings.endpoint, true, (error, providers) => {
      const found = providers?.find((provider) => provider.version.startsWith('http://specs.openid.net/auth/2.0'));
      if (error || !found) reject(new Error(`No OpenID 2.0 endpoint discovered at ${settings.endpoint}: ${error?.message ?? 'none listed'}`));
      else resolve(found.endpoint);
    });
  });
}

/** The return URL of one sign-in: the callback with its state, which the provider signs into its assertion. */
const returnUrl = (callbackUrl: string, state: string) => `${callbackUrl}?state=${encodeURIComponent(state)}`;

const relyingParty = (callbackUrl: string, state: string) =>
  new openid.RelyingParty(returnUrl(callbackUrl, state), new URL(callbackUrl).origin, true, true, [new library.SimpleRegistration(SREG)]);

/** Where to send the browser: the provider's checkid_setup with our return URL (carrying the state) and realm. */
export function openid2Start(settings: OpenId2Settings, callbackUrl: string, state: string): Promise<string> {
  return new Promise((resolve, reject) => {
    relyingParty(callbackUrl, state).authenticate(settings.endpoint, false, (error, url) => {
      if (error || !url) reject(new Error(`The OpenID 2.0 provider could not be reached: ${error?.message ?? 'no URL'}`));
      else resolve(url);
    });
  });
}

/**
 * The provider's assertion at our callback, verified: made for this return URL (and so
 * this state), by the configured provider's endpoint, about a claimed identifier whose
 * discovery names that endpoint, not replayed, and confirmed by the provider itself
 * (check_authentication). Throws on anything else.
 */
export async function openid2Finish(settings: OpenId2Settings, callbackUrl: string, query: string, state: string): Promise<VerifiedIdentity> {
  const params = new URLSearchParams(query);
  const endpoint = await endpointOf(settings);
  if (params.get('openid.op_endpoint') !== endpoint) throw new Error('The assertion comes from another OpenID endpoint.');
  const result = await new Promise<Record<string, unknown>>((resolve, reject) => {
    relyingParty(callbackUrl, state).verifyAssertion(`${callbackUrl}?${query}`, (error, verified) => {
      if (error || !verified?.authenticated || !verified.claimedIdentifier) reject(new Error(`The OpenID 2.0 assertion was refused: ${error?.message ?? 'not authenticated'}`));
      else resolve(verified as Record<string, unknown>);
    });
  });
  const email = typeof result.email === 'string' && result.email.includes('@') ? result.email.toLowerCase() : null;
  const name = typeof result.fullname === 'string' && result.fullname ? result.fullname : typeof result.nickname === 'string' ? result.nickname : null;
  return { subject: String(result.claimedIdentifier), email, emailVerified: false, name };
}
