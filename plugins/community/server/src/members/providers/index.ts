import email from './email';
import google from './google';
import launchpad from './launchpad';
import linkedin from './linkedin';
import oidc from './oidc';
import { environment, type ProviderDefinition, type ProviderSettings } from './types';

export { environment } from './types';
export type { OidcSettings, OpenId2Settings, ProviderSettings } from './types';

/** Every way to sign in the portal knows, in the order sign-in pages list them. A new provider is a file here. */
export const PROVIDERS: ProviderDefinition[] = [google, linkedin, oidc, launchpad, email];

export interface EnabledProvider {
  id: string;
  name: string;
  settings: ProviderSettings;
}

/** The providers switched on by the environment. */
export function enabledProviders(variables: Record<string, string | undefined> = process.env): EnabledProvider[] {
  const env = environment(variables);
  return PROVIDERS.flatMap((provider) => {
    const settings = provider.settings(env);
    return settings ? [{ id: provider.id, name: provider.name(env), settings }] : [];
  });
}

/** One provider, when it is on. */
export function enabledProvider(id: unknown, variables: Record<string, string | undefined> = process.env): EnabledProvider | undefined {
  return typeof id === 'string' ? enabledProviders(variables).find((provider) => provider.id === id) : undefined;
}
