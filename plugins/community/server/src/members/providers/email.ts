import type { ProviderDefinition } from './types';

/** E-mail address and password (users-permissions' accounts); on unless EMAIL_SIGN_IN=false. */
const email: ProviderDefinition = {
  id: 'email',
  name: () => 'E-mail',
  settings: (env) => (env('EMAIL_SIGN_IN') === 'false' ? null : { protocol: 'password' }),
};

export default email;
