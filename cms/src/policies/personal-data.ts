import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type PolicyContext = { state: { auth?: { strategy?: { name?: string }; credentials?: { type?: string } | null } } };

/**
 * Guards reads of members' and applicants' personal data (accounts, memberships, group
 * applications). Strapi lets a read-only API token call every find and findOne; those
 * tokens are the kind handed to integrators, so they get the public content only. A
 * custom token granted these actions, a full-access token, or a role granted them
 * still reads them: an admin chose that.
 */
export default (policyContext: PolicyContext, _config: unknown, _ctx: { strapi: Core.Strapi }) => {
  const { auth } = policyContext.state;
  if (auth?.strategy?.name === 'content-api-token' && auth.credentials?.type === 'read-only') {
    throw new errors.PolicyError(
      'A read-only API token cannot read personal data. An admin can create a custom API token with this permission.',
    );
  }
  return true;
};
