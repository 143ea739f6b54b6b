import type { Core, UID } from '@strapi/strapi';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
type Query = Record<string, unknown>;

/** The parts of a query that Strapi checks against the content model and the reader's permissions, in the order it checks them. */
const CHECKED_PARTS = ['filters', 'sort', 'fields', 'populate'] as const;
/** Checked parts kept per application: at most this many, each at most this long as JSON. */
const MAX_KEPT = 2000;
const MAX_KEPT_LENGTH = 4096;

const keptOf = new WeakMap<Core.Strapi, Map<string, Promise<unknown>>>();

/** The options Strapi's core controllers give `contentAPI.validate` and `contentAPI.sanitize`. */
function optionsOf(strapi: Core.Strapi, ctx: Ctx) {
  const state = ctx.state as { auth?: unknown; route?: unknown };
  const strictParams = strapi.config.get('api.rest.strictParams');
  return { auth: state.auth ?? {}, route: state.route, ...(typeof strictParams === 'boolean' ? { strictParams } : {}) } as any;
}

function keep(kept: Map<string, Promise<unknown>>, key: string, result: Promise<unknown>) {
  kept.set(key, result);
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  result.catch(() => {
    if (kept.get(key) === result) kept.delete(key);
  });
}

function anonymous(ctx: Ctx): boolean {
  const state = ctx.state as { user?: unknown; auth?: { credentials?: unknown } };
  return !ctx.get('authorization') && !state.user && !state.auth?.credentials;
}

/**
 * A read's query, validated and sanitized by Strapi (`contentAPI.validate.query` and
 * `contentAPI.sanitize.query`), as the core controllers do it. For an anonymous reader each
 * checked part (filters, sort, fields, populate) is checked once per content version and
 * kept: the pages of a list differ only in `pagination`, and every group page asks for the
 * same `populate`. The public role's permissions are part of what is checked, and a change of
 * them changes the content version. Only parts that passed are kept; each request gets its own copy.
 */
export async function checkedQuery(strapi: Core.Strapi, uid: string, ctx: Ctx): Promise<Query> {
  const schema = strapi.getModel(uid as UID.Schema);
  const options = optionsOf(strapi, ctx);
  const query = ctx.query as Query;
  if (!anonymous(ctx)) {
    await strapi.contentAPI.validate.query(query, schema, options);
    return (await strapi.contentAPI.sanitize.query(query, schema, options)) as Query;
  }
  const version = (await strapi.plugin('community').service('content-version').current()) as string;
  let kept = keptOf.get(strapi);
  if (!kept) keptOf.set(strapi, (kept = new Map()));

  const rest: Query = { ...query };
  for (const part of CHECKED_PARTS) delete rest[part];
  // The query's own keys (under strict parameters, the unknown ones) are checked on every request.
  await strapi.contentAPI.validate.query(rest, schema, options);
  const checked = (await strapi.contentAPI.sanitize.query(rest, schema, options)) as Query;
  for (const part of CHECKED_PARTS) {
    if (query[part] === undefined) continue;
    const key = JSON.stringify([version, uid, part, query[part]]);
    let result = kept.get(key);
    if (!result) {
      const given = { [part]: query[part] };
      result = strapi.contentAPI.validate
        .query(given, schema, options)
        .then(() => strapi.contentAPI.sanitize.query(given, schema, options))
        .then((sanitized) => (sanitized as Query)[part]);
      if (key.length <= MAX_KEPT_LENGTH) keep(kept, key, result);
    }
    const value = await result;
    if (value !== undefined) checked[part] = structuredClone(value);
  }
  return checked;
}
