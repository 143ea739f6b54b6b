import type { Core } from '@strapi/strapi';
import { answerAlike } from './auth-answers';
import { followPublicFields } from './public-fields';

type Route = { handler: string; config?: { policies?: unknown[] } & Record<string, unknown> };
type Plugin = {
  bootstrap?: (args: { strapi: Core.Strapi }) => unknown;
  controllers: Record<string, any>;
  routes: Record<string, { routes: Route[] }>;
} & Record<string, unknown>;

/** Reads of accounts, which carry members' e-mail addresses. */
const ACCOUNT_READS = ['user.find', 'user.findOne'];

/**
 * The portal's changes to users-permissions: account writes that show publicly change
 * the content version, sign-in and account mail reveal nothing about who has an
 * account, and reading accounts takes more than a read-only API token.
 */
export default (plugin: Plugin) => {
  const bootstrap = plugin.bootstrap;
  plugin.bootstrap = async (args: { strapi: Core.Strapi }) => {
    await bootstrap?.(args);
    followPublicFields(args.strapi);
  };

  answerAlike(plugin.controllers);

  for (const route of plugin.routes['content-api']!.routes) {
    if (ACCOUNT_READS.includes(route.handler)) {
      route.config = { ...route.config, policies: [...(route.config?.policies ?? []), 'global::personal-data'] };
    }
  }
  return plugin;
};
