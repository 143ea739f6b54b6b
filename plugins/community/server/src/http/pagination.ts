/** The highest page number a list takes: deeper pages are cheaper to reach by narrowing the query. */
export const MAX_PAGE = 10_000;

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface PageMeta extends PageRequest {
  pageCount: number;
  total: number;
}

/**
 * Reads Strapi's page-based pagination, `pagination[page]` and `pagination[pageSize]`
 * (as the `qs` parser nests them). Returns a message saying what is wrong instead, for a 400.
 */
export function readPagination(value: unknown, sizes: { pageSize: number; maxPageSize: number }): PageRequest | string {
  if (value === undefined) return { page: 1, pageSize: sizes.pageSize };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '"pagination" takes pagination[page] and pagination[pageSize].';
  const { page, pageSize, ...other } = value as Record<string, unknown>;
  if (Object.keys(other).length) return `Unknown pagination parameter(s): ${Object.keys(other).join(', ')}. Allowed: page, pageSize.`;
  const number = (name: string, raw: unknown, fallback: number, max: number): number | string => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    return typeof raw === 'string' && /^\d+$/.test(raw) && n >= 1 && n <= max ? n : `"pagination[${name}]" must be a whole number from 1 to ${max}.`;
  };
  const pageNumber = number('page', page, 1, MAX_PAGE);
  if (typeof pageNumber === 'string') return pageNumber;
  const size = number('pageSize', pageSize, sizes.pageSize, sizes.maxPageSize);
  if (typeof size === 'string') return size;
  return { page: pageNumber, pageSize: size };
}

/** Strapi's `meta.pagination` for one page of `total` items. */
export function pageMeta({ page, pageSize }: PageRequest, total: number): PageMeta {
  return { page, pageSize, pageCount: Math.ceil(total / pageSize), total };
}
