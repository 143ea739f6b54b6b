import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_LOCALE, localizeInPlace, type Doc, type LocaleRequest } from '@chapterhouse/config';
import { errors, pagination as paging } from '@strapi/utils';
import { servedMatches, sortComparator, sortKeys, type SortKey } from './translated-fields';

type Query = Record<string, unknown>;
type Attribute = { type: string; target?: string; pluginOptions?: { i18n?: { localized?: boolean } } };

/** The most documents one condition on a translated field may match: the list goes into the main query. */
export const MAX_TRANSLATED_MATCHES = 20_000;
// Ids per statement when asking which candidates have a version in a locale (SQLite binds at most 32,766 values).
const ID_SLICE = 5_000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const attributesOf = (strapi: Core.Strapi, uid: string) => strapi.getModel(uid as UID.Schema).attributes as Record<string, Attribute>;
const isTranslated = (attribute: Attribute | undefined) => attribute?.pluginOptions?.i18n?.localized === true && attribute.type !== 'relation';

function refuse(message: string, param: string): never {
  throw new errors.ValidationError(message, { source: 'query', param });
}

async function documentIds(strapi: Core.Strapi, uid: string, locale: string, filters: Query): Promise<string[]> {
  const rows = (await strapi.documents(uid as UID.ContentType).findMany({ locale, status: 'published', filters, fields: ['documentId'] } as any)) as Doc[];
  return rows.map((row) => String(row.documentId));
}

/** The documents of `uid` whose texts, as served along the chain, meet `condition`. */
async function servedMatching(strapi: Core.Strapi, uid: string, condition: Query, chain: readonly string[]): Promise<string[]> {
  const matches = new Map<string, string[]>(
    await Promise.all(chain.map(async (locale) => [locale, await documentIds(strapi, uid, locale, condition)] as [string, string[]])),
  );
  const present = new Map<string, string[]>();
  for (const [index, locale] of chain.slice(0, -1).entries()) {
    const later = [...new Set(chain.slice(index + 1).flatMap((next) => matches.get(next) ?? []))];
    const found: string[] = [];
    for (let start = 0; start < later.length; start += ID_SLICE) {
      found.push(...(await documentIds(strapi, uid, locale, { documentId: { $in: later.slice(start, start + ID_SLICE) } })));
    }
    present.set(locale, found);
  }
  const served = [...servedMatches(chain, matches, present)];
  if (served.length > MAX_TRANSLATED_MATCHES) {
    refuse(`A condition on a translated field matches more than ${MAX_TRANSLATED_MATCHES} documents; narrow it down`, 'filters');
  }
  return served;
}

/**
 * Rewrites a filter tree so that conditions on translated fields (of the listed type or of
 * related ones, at any depth) test the texts the client is served — French where a French
 * version exists, English where it does not, for `fr` — rather than the default locale's.
 * Each such condition becomes a condition on `documentId`; the rest is left as it is.
 */
async function translateFilters(strapi: Core.Strapi, uid: string, node: unknown, chain: readonly string[]): Promise<unknown> {
  if (Array.isArray(node)) return Promise.all(node.map((item) => translateFilters(strapi, uid, item, chain)));
  if (!isRecord(node)) return node;
  const attributes = attributesOf(strapi, uid);
  const result: Query = {};
  const translated: Query = {};
  for (const [key, value] of Object.entries(node)) {
    const attribute = attributes[key];
    if (key === '$and' || key === '$or' || key === '$not') result[key] = await translateFilters(strapi, uid, value, chain);
    else if (isTranslated(attribute)) translated[key] = value;
    else if (attribute?.type === 'relation' && attribute.target && key !== 'localizations') result[key] = await translateFilters(strapi, attribute.target, value, chain);
    else result[key] = value;
  }
  if (!Object.keys(translated).length) return result;
  // All translated conditions of one level are met by one version: the one served.
  const served = { documentId: { $in: await servedMatching(strapi, uid, translated, chain) } };
  return Object.keys(result).length ? { $and: [result, served] } : served;
}

interface Page {
  results: Doc[];
  pagination: Record<string, unknown>;
}

/** `pagination[withCount]` as Strapi reads it. */
function countAsked(value: unknown): boolean {
  if (['true', 't', '1', true, 1].includes(value as string)) return true;
  if (['false', 'f', '0', false, 0].includes(value as string)) return false;
  refuse('Invalid withCount parameter. Expected "t","1","true","false","0","f"', 'pagination');
}

function pageOf(strapi: Core.Strapi, query: Query) {
  const defaultLimit = Number(strapi.config.get('api.rest.defaultLimit', 25));
  const maxLimit = Number(strapi.config.get('api.rest.maxLimit')) || -1;
  const given = isRecord(query.pagination) ? query.pagination : {};
  const { start, limit } = paging.withDefaultPagination(given as any, {
    defaults: { offset: { limit: defaultLimit }, page: { pageSize: defaultLimit } },
    maxLimit,
  });
  const paged = 'page' in given || 'pageSize' in given || !('start' in given || 'limit' in given);
  const withCount = given.withCount === undefined ? Boolean(strapi.config.get('api.rest.withCount', true)) : countAsked(given.withCount);
  const meta = (total: number | undefined) => {
    const info = (paged ? paging.transformPagedPaginationInfo : paging.transformOffsetPaginationInfo)({ start, limit } as any, total ?? 0) as unknown as Record<string, unknown>;
    if (!withCount || total === undefined) {
      delete info.total;
      delete info.pageCount;
    }
    return info;
  };
  return { start, limit, meta, withCount };
}

type Counts = Map<string, { version: string; total: Promise<number> }>;
/** Counts kept per application: at most this many queries' counts. */
const MAX_COUNTS = 1000;
const countsOf = new WeakMap<Core.Strapi, Counts>();

/**
 * How many published documents match a query (its filters, locale and status; not its page,
 * fields, populate or sort), counted once per content version: the pages of one list share
 * their count, so only the first page a publish leaves uncounted pays for it.
 */
async function countOf(strapi: Core.Strapi, uid: string, params: Query): Promise<number> {
  const { pagination: _pagination, start: _start, limit: _limit, fields: _fields, populate: _populate, sort: _sort, ...counted } = params;
  const version = (await strapi.plugin('community').service('content-version').current()) as string;
  let counts = countsOf.get(strapi);
  if (!counts) countsOf.set(strapi, (counts = new Map()));
  const key = JSON.stringify([uid, counted]);
  const kept = counts.get(key);
  if (kept?.version === version) return kept.total;
  const entry = { version, total: strapi.documents(uid as UID.ContentType).count(counted as any) as Promise<number> };
  counts.delete(key);
  counts.set(key, entry);
  if (counts.size > MAX_COUNTS) counts.delete(counts.keys().next().value as string);
  entry.total.catch(() => {
    if (counts.get(key) === entry) counts.delete(key);
  });
  return entry.total;
}

/** One page of a list query on the default-locale versions, as Strapi's own `find` gives it, its count shared by the list's pages. */
async function findPage(strapi: Core.Strapi, uid: string, params: Query): Promise<Page> {
  const { start, limit, meta, withCount } = pageOf(strapi, params);
  const [results, total] = await Promise.all([
    strapi.documents(uid as UID.ContentType).findMany({ ...params, start, limit } as any) as Promise<Doc[]>,
    withCount ? countOf(strapi, uid, params) : undefined,
  ]);
  return { results, pagination: meta(total) };
}

/**
 * Lists in the order of a sort that names translated fields: those are compared as served
 * (along the chain, by the requested language's collation), so every matching document's
 * sort values are read, sorted here, and only the requested page is then read in full.
 */
async function sortedByTranslation(strapi: Core.Strapi, uid: string, query: Query, keys: SortKey[], request: LocaleRequest): Promise<Page> {
  const attributes = attributesOf(strapi, uid);
  for (const key of keys) {
    if (relatedTranslated(strapi, uid, key.path)) {
      refuse(`sort: ${key.path.join('.')} is a translated field of related documents, which cannot be sorted on; sort by fields of the listed documents`, 'sort');
    }
    if (key.path.length > 1) {
      refuse(`sort: ${key.path.join('.')} — a sort on translated fields may combine only with fields of the listed documents`, 'sort');
    }
    const attribute = attributes[key.path[0]!];
    if (isTranslated(attribute) && attribute!.type === 'component') refuse(`sort: ${key.path[0]} is a translated component and cannot be sorted on`, 'sort');
  }
  const fields = [...new Set(['documentId', ...keys.map((key) => key.path[0]!)])];
  const translatedFields = fields.filter((name) => isTranslated(attributes[name]));
  const all = (await strapi.documents(uid as UID.ContentType).findMany({
    locale: DEFAULT_LOCALE,
    status: 'published',
    filters: query.filters,
    fields,
  } as any)) as Doc[];
  // Each locale's sort texts in one query: cheaper than naming thousands of ids.
  const versions = new Map<string, Doc[]>(
    await Promise.all(
      request.chain
        .filter((locale) => locale !== DEFAULT_LOCALE)
        .map(async (locale) => [
          locale,
          (await strapi.documents(uid as UID.ContentType).findMany({ locale, status: 'published', fields: ['documentId', ...translatedFields] } as any)) as Doc[],
        ] as [string, Doc[]]),
    ),
  );
  localizeInPlace(all, versions, request, translatedFields, DEFAULT_LOCALE);
  const compare = sortComparator(keys, (doc, key) => (doc as Doc)[key.path[0]!], request.chain[0]!);
  all.sort((a, b) => compare(a, b) || Number(a.id) - Number(b.id));

  const { start, limit, meta } = pageOf(strapi, query);
  const ids = (limit === -1 ? all.slice(start) : all.slice(start, start + limit)).map((doc) => String(doc.documentId));
  const rows = ids.length
    ? ((await strapi.documents(uid as UID.ContentType).findMany({
        ...(query.fields ? { fields: query.fields } : {}),
        ...(query.populate ? { populate: query.populate } : {}),
        locale: DEFAULT_LOCALE,
        status: 'published',
        filters: { documentId: { $in: ids } },
      } as any)) as Doc[])
    : [];
  const position = new Map(ids.map((id, index) => [id, index]));
  rows.sort((a, b) => position.get(String(a.documentId))! - position.get(String(b.documentId))!);
  return { results: rows, pagination: meta(all.length) };
}

/**
 * Runs a content-API list query of a localized type on its default-locale versions, with
 * filters and sorts on translated fields read in the requested locale along its fallback
 * chain. A request in the default locale is Strapi's own query, unchanged.
 */
export async function translatedQuery(strapi: Core.Strapi, uid: string, query: Query, request: LocaleRequest): Promise<Page> {
  const base = { ...query, locale: DEFAULT_LOCALE, status: 'published' };
  if (request.chain.length === 1 && request.chain[0] === DEFAULT_LOCALE) return findPage(strapi, uid, base);
  const filters = query.filters === undefined ? undefined : await translateFilters(strapi, uid, query.filters, request.chain);
  const keys = sortKeys(query.sort);
  const attributes = attributesOf(strapi, uid);
  const translatedSort = keys.some((key) => isTranslated(attributes[key.path[0]!]) || relatedTranslated(strapi, uid, key.path));
  if (!translatedSort) return findPage(strapi, uid, { ...base, ...(filters === undefined ? {} : { filters }) });
  return sortedByTranslation(strapi, uid, { ...query, ...(filters === undefined ? {} : { filters }) }, keys, request);
}

/** Whether a sort path through relations ends on a translated field (`group.summary`). */
function relatedTranslated(strapi: Core.Strapi, uid: string, path: string[]): boolean {
  let type = uid;
  for (const [index, name] of path.entries()) {
    const attribute = attributesOf(strapi, type)[name];
    if (!attribute) return false;
    if (index === path.length - 1) return index > 0 && isTranslated(attribute);
    if (attribute.type !== 'relation' || !attribute.target) return false;
    type = attribute.target;
  }
  return false;
}
