import type { Core } from '@strapi/strapi';
import { LOCALE_CODES, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, SITE_NAME } from '@chapterhouse/config';
import type { DocumentExtension, TypeModel } from '../openapi/content-types';
import { buildDocument, type DescribedRoute } from '../openapi/document';
import type { Operation, Schema } from '../openapi/schema';
import { routeSchemas } from '../routes/content-api';

/** What the application states about one of its content types beyond its schema. */
export interface ContentTypeDescription extends Partial<DocumentExtension> {
  /** Operations of core actions the application answers its own way (e.g. `create`). */
  operations?: Record<string, Partial<Operation>>;
}

type Route = {
  method: string;
  path: string;
  handler: unknown;
  config?: { auth?: unknown; prefix?: string; middlewares?: unknown[] };
  openapi?: Partial<Operation> & { path?: string; cached?: boolean };
};
type Router = { type?: string; prefix?: string; routes?: Route[] };

const CORE_ACTIONS = new Set(['find', 'findOne', 'create', 'update', 'delete']);
const PUBLIC_CACHE = 'plugin::community.public-cache';

const usesPublicCache = (route: Route) =>
  (route.config?.middlewares ?? []).some((middleware) => middleware === PUBLIC_CACHE || (middleware as { name?: string })?.name === PUBLIC_CACHE);

/** `/groups/:slug/calendar.ics` → `/groups/{slug}/calendar.ics`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const routersOf = (routes: unknown): Router[] => (Array.isArray(routes) ? [] : Object.values((routes ?? {}) as Record<string, Router>));

const INTRODUCTION = `The public API of ${SITE_NAME}: the content types every visitor may read through Strapi's content API (with the portal's locale fallback), the community plugin's calendars, feeds, GeoJSON and lists, and the account routes. Generated from the running CMS's content types and routes.`;

/**
 * The OpenAPI description of the public API, built from what the running CMS serves: the
 * content types the public role may read (their schemas as loaded), the routes' own
 * descriptions, and what the application states about its types.
 */
const apiDescription = ({ strapi }: { strapi: Core.Strapi }) => {
  const described = new Map<string, ContentTypeDescription>();

  async function publicActions(): Promise<Set<string>> {
    const rows = (await strapi.db.query('plugin::users-permissions.permission').findMany({
      where: { role: { type: 'public' } },
      select: ['action'],
    })) as { action: string }[];
    return new Set(rows.map((row) => row.action));
  }

  return {
    /** States a type's computed fields or its own answers to core actions; called by the application in `register`. */
    describeContentType(uid: string, description: ContentTypeDescription) {
      const current = described.get(uid) ?? {};
      described.set(uid, {
        properties: { ...(current.properties ?? {}), ...(description.properties ?? {}) },
        operations: { ...(current.operations ?? {}), ...(description.operations ?? {}) },
      });
    },

    async document(): Promise<Schema> {
      const allowed = await publicActions();
      const types = new Map<string, { actions: string[]; cached: Record<string, boolean> }>();
      const routes: DescribedRoute[] = [];

      const consider = (route: Route, base: string, scope: string) => {
        if (typeof route.handler !== 'string') return;
        const action = route.handler.startsWith(scope) ? route.handler : `${scope}.${route.handler}`;
        const open = route.config?.auth === false || allowed.has(action);
        const lastDot = action.lastIndexOf('.');
        const uid = action.slice(0, lastDot);
        const name = action.slice(lastDot + 1);
        if (strapi.contentTypes[uid as keyof typeof strapi.contentTypes] && CORE_ACTIONS.has(name) && !route.openapi) {
          if (!open) return;
          const entry = types.get(uid) ?? { actions: [], cached: {} };
          entry.actions.push(name);
          entry.cached[name] = usesPublicCache(route);
          types.set(uid, entry);
          return;
        }
        if (!route.openapi || !(open || route.openapi.security)) return;
        const { path, cached, ...operation } = route.openapi;
        routes.push({
          method: route.method,
          path: path ?? openApiPath(`${base}${route.path}`),
          operation: operation as Operation,
          cached: cached === true || usesPublicCache(route),
          public: open,
          operationId: action.replace(/^(api|plugin)::/, ''),
        });
      };

      for (const [apiName, api] of Object.entries(strapi.apis)) {
        for (const router of routersOf((api as { routes?: unknown }).routes)) {
          for (const route of router.routes ?? []) consider(route, '/api', `api::${apiName}`);
        }
      }
      for (const [pluginName, plugin] of Object.entries(strapi.plugins)) {
        for (const router of routersOf((plugin as { routes?: unknown }).routes)) {
          if (router.type !== 'content-api') continue;
          for (const route of router.routes ?? []) {
            const prefix = route.config?.prefix !== undefined ? route.config.prefix : (router.prefix ?? `/${pluginName}`);
            consider(route, `/api${prefix}`, `plugin::${pluginName}`);
          }
        }
      }

      const components = new Map(Object.entries(strapi.components).map(([uid, model]) => [uid, { ...(model as unknown as TypeModel), uid }]));
      return buildDocument({
        title: `${SITE_NAME} API`,
        version: String(strapi.config.get('info.version', '0.0.0')),
        description: INTRODUCTION,
        serverUrl: String(strapi.config.get('server.absoluteUrl')).replace(/\/+$/, ''),
        types: [...types].map(([uid, entry]) => {
          const extra = described.get(uid);
          return {
            model: { ...(strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as unknown as TypeModel), uid },
            actions: entry.actions,
            cached: entry.cached,
            ...(extra?.operations ? { operations: extra.operations } : {}),
            ...(extra?.properties ? { extension: { properties: extra.properties } } : {}),
          };
        }),
        components,
        routes,
        schemas: routeSchemas,
        limits: { defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE },
        locales: LOCALE_CODES,
      });
    },
  };
};

export default apiDescription;
