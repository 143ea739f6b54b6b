/**
 * Structural checks of a content-API query (filters, populate, sort, fields) before
 * Strapi turns it into SQL. Strapi checks names against the content model but passes
 * malformed shapes through to the database layer, which then fails with a 500
 * (`filters[$or]=1`, `filters[id][$between]=1`, `filters[id][$eq][$eq]=1`, …). Each
 * check returns what is wrong in words, or null.
 */

export interface QueryLimits {
  /** Levels of `populate` inside `populate` (1 = relations of the listed documents). */
  populateDepth: number;
  /** Relations and components populated in one query, counted over every level. */
  populateCount: number;
  /** Levels of nesting inside `filters`. */
  filterDepth: number;
  /** Conditions in one `filters` tree. */
  filterCount: number;
  /** Values in one `$in` / `$notIn` list. */
  listLength: number;
  /** Characters in one value. */
  valueLength: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  populateDepth: 2,
  populateCount: 12,
  filterDepth: 6,
  filterCount: 50,
  listLength: 100,
  valueLength: 1000,
};

const VALUE_OPERATORS = new Set([
  '$eq', '$eqi', '$ne', '$nei', '$gt', '$gte', '$lt', '$lte',
  '$startsWith', '$endsWith', '$startsWithi', '$endsWithi',
  '$contains', '$notContains', '$containsi', '$notContainsi',
]);
const BOOLEAN_OPERATORS = new Set(['$null', '$notNull']);
const LIST_OPERATORS = new Set(['$in', '$notIn']);
const POPULATE_KEYS = new Set(['fields', 'populate', 'filters', 'sort', 'on', 'count']);
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

type Problem = string | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkValue(value: unknown, where: string, limits: QueryLimits): Problem {
  if (typeof value !== 'string') return `${where} must be a single value`;
  if (value.length > limits.valueLength) return `${where} is longer than ${limits.valueLength} characters`;
  if (value.includes('\u0000')) return `${where} contains a NUL character`;
  return null;
}

function checkName(key: string, where: string): Problem {
  return NAME.test(key) ? null : `${where}: "${key.slice(0, 40)}" is not a field name`;
}

interface FilterWalk {
  limits: QueryLimits;
  count: number;
}

function checkFilterObject(node: unknown, where: string, depth: number, walk: FilterWalk): Problem {
  if (!isRecord(node)) return `${where} must be an object of conditions, e.g. ${where}[name][$eq]=value`;
  if (depth > walk.limits.filterDepth) return `filters are nested more than ${walk.limits.filterDepth} levels deep`;
  for (const [key, value] of Object.entries(node)) {
    walk.count += 1;
    if (walk.count > walk.limits.filterCount) return `filters hold more than ${walk.limits.filterCount} conditions`;
    const at = `${where}[${key.slice(0, 40)}]`;
    const problem = checkFilterEntry(key, value, at, depth, walk);
    if (problem) return problem;
  }
  return null;
}

function checkFilterEntry(key: string, value: unknown, at: string, depth: number, walk: FilterWalk): Problem {
  const { limits } = walk;
  if (key === '$and' || key === '$or') {
    if (!Array.isArray(value)) return `${at} must be a list of conditions, e.g. ${at}[0][name][$eq]=value`;
    for (const [i, item] of value.entries()) {
      const problem = checkFilterObject(item, `${at}[${i}]`, depth + 1, walk);
      if (problem) return problem;
    }
    return null;
  }
  if (key === '$not') return checkFilterObject(value, at, depth + 1, walk);
  if (VALUE_OPERATORS.has(key)) return checkValue(value, at, limits);
  if (BOOLEAN_OPERATORS.has(key)) {
    return value === 'true' || value === 'false' || value === '1' || value === '0' ? null : `${at} must be true or false`;
  }
  if (LIST_OPERATORS.has(key)) {
    if (!Array.isArray(value)) return `${at} must be a list, e.g. ${at}[0]=a&${at}[1]=b`;
    if (value.length > limits.listLength) return `${at} holds more than ${limits.listLength} values`;
    for (const [i, item] of value.entries()) {
      const problem = checkValue(item, `${at}[${i}]`, limits);
      if (problem) return problem;
    }
    return null;
  }
  if (key === '$between') {
    if (!Array.isArray(value) || value.length !== 2) return `${at} must be a list of two values, e.g. ${at}[0]=a&${at}[1]=b`;
    return checkValue(value[0], `${at}[0]`, limits) ?? checkValue(value[1], `${at}[1]`, limits);
  }
  if (key.startsWith('$')) return `${at}: ${key.slice(0, 40)} is not a filter operator available here`;
  const name = checkName(key, at);
  if (name) return name;
  // A bare value means equality; an object holds operators or the conditions on a relation.
  if (typeof value === 'string') return checkValue(value, at, limits);
  return checkFilterObject(value, at, depth + 1, walk);
}

export function checkFilters(filters: unknown, limits: QueryLimits = DEFAULT_QUERY_LIMITS, where = 'filters'): Problem {
  return checkFilterObject(filters, where, 1, { limits, count: 0 });
}

function checkFieldList(fields: unknown, where: string): Problem {
  if (typeof fields === 'string') {
    for (const name of fields.split(',')) {
      const problem = checkName(name.trim(), where);
      if (problem) return problem;
    }
    return null;
  }
  if (!Array.isArray(fields)) return `${where} must be a field name or a list of them, e.g. ${where}[0]=name`;
  for (const [i, name] of fields.entries()) {
    if (typeof name !== 'string') return `${where}[${i}] must be a field name`;
    const problem = checkName(name, `${where}[${i}]`);
    if (problem) return problem;
  }
  return null;
}

export function checkSort(sort: unknown, where = 'sort'): Problem {
  const entry = (value: string, at: string) =>
    /^[A-Za-z_][A-Za-z0-9_.-]*(:(asc|desc))?$/i.test(value.trim()) ? null : `${at}: "${value.slice(0, 40)}" is not a sort such as name:asc`;
  if (typeof sort === 'string') {
    for (const part of sort.split(',')) {
      const problem = entry(part, where);
      if (problem) return problem;
    }
    return null;
  }
  if (Array.isArray(sort)) {
    for (const [i, part] of sort.entries()) {
      const problem = typeof part === 'string' ? entry(part, `${where}[${i}]`) : `${where}[${i}] must be a sort such as name:asc`;
      if (problem) return problem;
    }
    return null;
  }
  if (isRecord(sort)) {
    for (const [key, value] of Object.entries(sort)) {
      const at = `${where}[${key.slice(0, 40)}]`;
      const problem =
        checkName(key, at) ??
        (typeof value === 'string'
          ? /^(asc|desc)$/i.test(value)
            ? null
            : `${at} must be asc or desc`
          : isRecord(value)
            ? checkSort(value, at)
            : `${at} must be asc or desc`);
      if (problem) return problem;
    }
    return null;
  }
  return `${where} must be a sort such as name:asc`;
}

interface PopulateWalk {
  limits: QueryLimits;
  count: number;
}

function countPopulated(walk: PopulateWalk, n: number): Problem {
  walk.count += n;
  return walk.count > walk.limits.populateCount
    ? `populate names more than ${walk.limits.populateCount} relations and components in all`
    : null;
}

function checkPopulateNode(value: unknown, where: string, depth: number, walk: PopulateWalk): Problem {
  if (depth > walk.limits.populateDepth) {
    return `populate is nested more than ${walk.limits.populateDepth} levels deep; ask for the nested documents in a query of their own`;
  }
  if (typeof value === 'string') {
    if (value === '*') return countPopulated(walk, 1);
    const names = value.split(',').map((name) => name.trim());
    for (const name of names) {
      if (name !== 'true' && name !== 'false') {
        const problem = checkName(name, where);
        if (problem) return problem;
      }
    }
    return countPopulated(walk, names.length);
  }
  if (Array.isArray(value)) {
    for (const [i, name] of value.entries()) {
      if (typeof name !== 'string') return `${where}[${i}] must be a relation name`;
      const problem = checkName(name, `${where}[${i}]`);
      if (problem) return problem;
    }
    return countPopulated(walk, value.length);
  }
  if (!isRecord(value)) return `${where} must name the relations to populate`;
  for (const [name, options] of Object.entries(value)) {
    const at = `${where}[${name.slice(0, 40)}]`;
    const problem = (name === '*' ? null : checkName(name, at)) ?? checkPopulateOption(options, at, depth, walk);
    if (problem) return problem;
  }
  return null;
}

function checkPopulateOption(options: unknown, at: string, depth: number, walk: PopulateWalk): Problem {
  const counted = countPopulated(walk, 1);
  if (counted) return counted;
  if (typeof options === 'string') {
    return ['true', 'false', '*'].includes(options) ? null : `${at} must be true, or an object such as ${at}[fields][0]=name`;
  }
  if (!isRecord(options)) return `${at} must be true, or an object such as ${at}[fields][0]=name`;
  for (const [key, option] of Object.entries(options)) {
    const inner = `${at}[${key.slice(0, 40)}]`;
    if (!POPULATE_KEYS.has(key)) return `${inner}: populate takes fields, populate, filters, sort, on and count`;
    let problem: Problem = null;
    if (key === 'fields') problem = checkFieldList(option, inner);
    else if (key === 'filters') problem = checkFilters(option, walk.limits, inner);
    else if (key === 'sort') problem = checkSort(option, inner);
    else if (key === 'count') problem = option === 'true' || option === 'false' ? null : `${inner} must be true or false`;
    else if (key === 'populate') problem = checkPopulateNode(option, inner, depth + 1, walk);
    else if (key === 'on') {
      problem = isRecord(option)
        ? Object.entries(option).reduce<Problem>(
            (found, [component, sub]) => found ?? checkPopulateOption(sub, `${inner}[${component.slice(0, 40)}]`, depth + 1, walk),
            null,
          )
        : `${inner} must name dynamic-zone components`;
    }
    if (problem) return problem;
  }
  return null;
}

export function checkPopulate(populate: unknown, limits: QueryLimits = DEFAULT_QUERY_LIMITS): Problem {
  return checkPopulateNode(populate, 'populate', 1, { limits, count: 0 });
}

/** The first problem with a content-API query's filters, populate, sort or fields, or null. */
export function checkQueryShape(query: Record<string, unknown>, limits: QueryLimits = DEFAULT_QUERY_LIMITS): { param: string; message: string } | null {
  const checks: Array<[string, (value: unknown) => Problem]> = [
    ['filters', (value) => checkFilters(value, limits)],
    ['populate', (value) => checkPopulate(value, limits)],
    ['sort', (value) => checkSort(value)],
    ['fields', (value) => checkFieldList(value, 'fields')],
  ];
  for (const [param, check] of checks) {
    if (query[param] === undefined) continue;
    const message = check(query[param]);
    if (message) return { param, message };
  }
  return null;
}
