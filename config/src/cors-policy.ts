/**
 * Which browser origins may read the CMS's answers, and which may send credentials.
 * Cross-origin reads are open to the website and the configured list; cookies and
 * tokens of the admin travel only from the admin's own origin, so no other page can
 * get an admin access token with a visitor's refresh cookie. It lives in this package
 * because the CMS's config files use it, and they are loaded where only packages resolve.
 */
export interface CorsSettings {
  /** The website's public address. */
  webUrl: string;
  /** The CMS's (and so the admin's) configured public address; empty when not set. */
  publicUrl: string;
  /** More origins allowed to read, e.g. an integrator's site; `*` allows every origin to read without credentials. */
  extra: string[];
}

const originOf = (url: string): string | null => {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
};

interface RequestLike {
  get(field: string): string;
  origin: string;
}

export function corsPolicy(settings: CorsSettings) {
  const own = [settings.publicUrl].map(originOf).filter((o): o is string => o !== null);
  const listed = [settings.webUrl, ...settings.extra].map((entry) => (entry.trim() === '*' ? '*' : originOf(entry.trim()))).filter((o): o is string => o !== null);
  const anyone = listed.includes('*');

  /** The CMS's own origin: its configured address, else the one the request reached it at. */
  const isOwn = (origin: string, ctx: RequestLike) => own.includes(origin) || origin === ctx.origin;

  return {
    /** The value for Access-Control-Allow-Origin, or '' to send no CORS headers. */
    origin(ctx: RequestLike): string {
      const origin = ctx.get('Origin');
      if (!origin) return '';
      if (isOwn(origin, ctx) || listed.includes(origin) || anyone) return origin;
      return '';
    },
    credentials(ctx: RequestLike): boolean {
      const origin = ctx.get('Origin');
      return Boolean(origin) && isOwn(origin, ctx);
    },
    /** A browser sent this request from a page of another, unlisted site. */
    isForeign(ctx: RequestLike): boolean {
      const origin = ctx.get('Origin');
      return Boolean(origin) && !isOwn(origin, ctx) && !listed.includes(origin);
    },
  };
}

export type CorsPolicy = ReturnType<typeof corsPolicy>;

const policies = new WeakMap<object, CorsPolicy>();

/** The policy built from the CMS's `api.origins` configuration, once per Strapi instance. */
export function corsPolicyOf(strapi: { config: { get(path: string): unknown } }): CorsPolicy {
  let policy = policies.get(strapi);
  if (!policy) {
    policy = corsPolicy(strapi.config.get('api.origins') as CorsSettings);
    policies.set(strapi, policy);
  }
  return policy;
}
