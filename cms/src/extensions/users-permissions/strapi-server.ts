import type { Core } from '@strapi/strapi';
import { answerAlike } from './auth-answers';
import { keepPublicAbility } from './public-ability';
import { followPublicFields } from './public-fields';
import { ACCOUNT_ROUTE_DESCRIPTIONS } from './route-descriptions';

type Route = { method: string; path: string; handler: string; config?: { policies?: unknown[] } & Record<string, unknown>; openapi?: unknown };
type Plugin = {
  register?: (args: { strapi: Core.Strapi }) => unknown;
  bootstrap?: (args: { strapi: Core.Strapi }) => unknown;
  controllers: Record<string, any>;
  routes: Record<string, { routes: Route[] }>;
} & Record<string, unknown>;

/** Reads of accounts, which carry members' e-mail addresses. */
const ACCOUNT_READS = ['user.find', 'user.findOne'];

/**
 * The portal's changes to users-permissions: account writes that show publicly change
 * the content version, sign-in and account mail reveal nothing about who has an
 * account, reading accounts takes more than a read-only API token, and the public
 * account routes carry their API description. A visitor without a token is served with
 * the public role's ability kept between requests.
 */
export default (plugin: Plugin) => {
  const bootstrap = plugin.bootstrap;
  plugin.bootstrap = async (args: { strapi: Core.Strapi }) => {
    await bootstrap?.(args);
    followPublicFields(args.strapi);
  };

  keepPublicAbility(plugin);
  answerAlike(plugin.controllers);

  for (const route of plugin.routes['content-api']!.routes) {
    const description = ACCOUNT_ROUTE_DESCRIPTIONS[`${route.method} ${route.path}`];
    if (description) route.openapi = description;
    // Its limits count the visitor the website vouches for, not the website's server.
    const middlewares = (route.config?.middlewares ?? []) as unknown[];
    if (middlewares.includes('plugin::users-permissions.rateLimit')) {
      route.config = { ...route.config, middlewares: ['plugin::community.visitor-address', ...middlewares] };
    }
    if (ACCOUNT_READS.includes(route.handler)) {
      route.config = { ...route.config, policies: [...(route.config?.policies ?? []), 'global::personal-data'] };
    }
  }
  return plugin;
};
