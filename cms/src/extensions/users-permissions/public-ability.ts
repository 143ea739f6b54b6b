import type { Core } from '@strapi/strapi';

type Strategy = { name: string; authenticate(ctx: { request: { header: Record<string, unknown> } }): Promise<unknown> };
type Auth = { register(type: string, strategy: Strategy): unknown };

const PERMISSION = 'plugin::users-permissions.permission';
/** How long one instance keeps the public role's ability before reading the permissions again. */
const KEEP_MS = 1000;

/**
 * A visitor without a token is served with the public role's permissions. Users-permissions
 * reads them and builds their ability on every such request; this strategy keeps the answer
 * for a second per instance, and forgets it at once when a permission is written here. A
 * permission write also changes the content version, so that answers cached under the old
 * permissions are renewed on every instance.
 */
function keepingPublicAbility(strapi: Core.Strapi, strategy: Strategy): Strategy {
  let kept: { answer: unknown; until: number } | null = null;
  const changed = async () => {
    kept = null;
    await strapi.plugin('community')?.service('content-version')?.bump();
  };
  strapi.db.lifecycles.subscribe({
    models: [PERMISSION],
    afterCreate: changed,
    afterCreateMany: changed,
    afterUpdate: changed,
    afterUpdateMany: changed,
    afterDelete: changed,
    afterDeleteMany: changed,
  });
  return {
    ...strategy,
    async authenticate(ctx) {
      if (ctx.request.header.authorization !== undefined) return strategy.authenticate(ctx);
      const now = Date.now();
      if (kept && kept.until > now) return kept.answer;
      const answer = (await strategy.authenticate(ctx)) as { authenticated?: boolean; credentials?: unknown } | undefined;
      if (answer?.authenticated && answer.credentials === null) kept = { answer, until: now + KEEP_MS };
      return answer;
    },
  };
}

/** Has users-permissions register its content-API strategy with the public ability kept. */
export function keepPublicAbility(plugin: { register?: (args: { strapi: Core.Strapi }) => unknown }) {
  const register = plugin.register;
  plugin.register = async (args) => {
    const auth = args.strapi.get('auth') as Auth;
    const original = auth.register;
    auth.register = function (type, strategy) {
      const kept = type === 'content-api' && strategy.name === 'users-permissions' ? keepingPublicAbility(args.strapi, strategy) : strategy;
      return original.call(this, type, kept);
    };
    try {
      await register?.(args);
    } finally {
      auth.register = original;
    }
  };
}
