import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { keyTag } from './directory-fields';

const GROUP = 'api::group.group';
const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

type Filter = Record<string, unknown>;
type ModelOf = (uid: string) => { attributes: Record<string, { type: string; target?: string; component?: string }> } | undefined;

const HOW =
  'filters on languages take $contains (or $eq) with one language tag, $notContains (or $ne), $startsWith (the language and its regional variants), $in and $notIn with lists of tags, $null, $notNull and $not';

function tagOf(value: unknown): string {
  // `"fr"` with quotes is how the JSON column had to be searched before: it means the same tag.
  const raw = typeof value === 'string' ? value.replace(/^"(.*)"$/, '$1') : value;
  const tag = keyTag(raw);
  if (!tag) throw new errors.ValidationError(`filters on languages take language tags such as "fr" or "pt-BR", not ${JSON.stringify(value)}`);
  return tag;
}

function tagsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  if (!list) throw new errors.ValidationError(`filters on languages: $in and $notIn take a list of language tags`);
  return list.map(tagOf);
}

const has = (tag: string): Filter => ({ languageKey: { $contains: `|${tag}|` } });
const lacks = (tag: string): Filter => ({ $or: [{ languageKey: { $null: true } }, { languageKey: { $notContains: `|${tag}|` } }] });

/** The conditions on the normalised column that one condition on `languages` means. */
export function languageConditions(condition: unknown): Filter[] {
  if (typeof condition === 'string') return [has(tagOf(condition))];
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) throw new errors.ValidationError(HOW);
  return Object.entries(condition as Filter).map(([operator, value]): Filter => {
    switch (operator) {
      case '$contains':
      case '$containsi':
      case '$eq':
      case '$eqi':
        return has(tagOf(value));
      case '$notContains':
      case '$notContainsi':
      case '$ne':
      case '$nei':
        return lacks(tagOf(value));
      case '$startsWith':
      case '$startsWithi': {
        const tag = tagOf(value);
        return { $or: [has(tag), { languageKey: { $contains: `|${tag}-` } }] };
      }
      case '$in': {
        const tags = tagsOf(value);
        return tags.length ? { $or: tags.map(has) } : { languageKey: { $in: [] } };
      }
      case '$notIn':
        return { $and: tagsOf(value).map(lacks) };
      case '$null':
      case '$notNull':
        return { languages: { [operator]: value } };
      case '$not':
        return { $not: { $and: languageConditions(value) } };
      default:
        throw new errors.ValidationError(`${HOW}; ${operator} is not one of them`);
    }
  });
}

/**
 * `filters` with every condition on a group's `languages` (the group's own, or reached
 * through a relation such as an event's group) turned into conditions on its normalised
 * `languageKey`, so `$contains: "pt"` means the tag pt and never pt-BR or "ptx".
 */
export function rewriteLanguageFilters(filters: unknown, uid: string, modelOf: ModelOf): unknown {
  if (Array.isArray(filters)) return filters.map((item) => rewriteLanguageFilters(item, uid, modelOf));
  if (!filters || typeof filters !== 'object') return filters;
  const model = modelOf(uid);
  const out: Filter = {};
  const added: Filter[] = [];
  for (const [key, value] of Object.entries(filters as Filter)) {
    if (key === '$and' || key === '$or' || key === '$not') {
      out[key] = rewriteLanguageFilters(value, uid, modelOf);
      continue;
    }
    const attribute = model?.attributes[key];
    if (uid === GROUP && key === 'languages') added.push(...languageConditions(value));
    else if (attribute?.type === 'relation' && attribute.target) out[key] = rewriteLanguageFilters(value, attribute.target, modelOf);
    else if (attribute?.type === 'component' && attribute.component) out[key] = rewriteLanguageFilters(value, attribute.component, modelOf);
    else out[key] = value;
  }
  if (!added.length) return out;
  const and = Array.isArray(out.$and) ? out.$and : out.$and === undefined ? [] : [out.$and];
  return { ...out, $and: [...and, ...added] };
}

/** Applies the rewrite to every read through the Document Service (content API, admin, plugins). */
export function registerLanguageFilter(strapi: Core.Strapi) {
  const modelOf: ModelOf = (uid) => strapi.getModel(uid as any) as any;
  strapi.documents.use(async (context, next) => {
    const params = context.params as { filters?: unknown } | undefined;
    if (READS.has(context.action) && params?.filters && context.uid.startsWith('api::')) {
      params.filters = rewriteLanguageFilters(params.filters, context.uid, modelOf);
    }
    return next();
  });
}
