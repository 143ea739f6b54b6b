import type { ProviderDefinition } from './types';

/**
 * Launchpad / Ubuntu One, by OpenID 2.0; on when LAUNCHPAD_OPENID_URL names the provider's
 * OpenID identifier (https://login.launchpad.net/ or https://login.ubuntu.com/), from which
 * its endpoint is discovered. Only assertions made by that endpoint are taken.
 */
const launchpad: ProviderDefinition = {
  id: 'launchpad',
  name: () => 'Launchpad',
  settings(env) {
    const endpoint = env('LAUNCHPAD_OPENID_URL');
    return endpoint ? { protocol: 'openid2', endpoint } : null;
  },
};

export default launchpad;
