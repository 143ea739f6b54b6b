/** The settings of a provider that speaks OpenID Connect (Google, LinkedIn and any other by issuer). */
export interface OidcSettings {
  protocol: 'oidc';
  /** The issuer; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** Whether to send a PKCE challenge (S256). */
  pkce: boolean;
}

/** The settings of a provider that speaks OpenID 2.0 (Launchpad / Ubuntu One). */
export interface OpenId2Settings {
  protocol: 'openid2';
  /** The provider's OpenID identifier, discovered for its endpoint (where checkid_setup and check_authentication go). */
  endpoint: string;
}

export interface PasswordSettings {
  protocol: 'password';
}

export type ProviderSettings = OidcSettings | OpenId2Settings | PasswordSettings;

/** Reads one setting from the environment: its value, or undefined when it is unset or blank. */
export type Env = (name: string) => string | undefined;

/**
 * A way to sign in. `settings` reads the environment and answers null when the provider
 * is off: a provider is switched on by its settings alone.
 */
export interface ProviderDefinition {
  id: string;
  /** The provider's own name, as sign-in buttons show it. */
  name(env: Env): string;
  settings(env: Env): ProviderSettings | null;
}

/** The settings as `process.env` (or another set of variables) has them. */
export function environment(variables: Record<string, string | undefined> = process.env): Env {
  return (name) => variables[name]?.trim() || undefined;
}
