import { describe, expect, it } from 'vitest';
import { pageMeta, readPagination } from './pagination';

const sizes = { pageSize: 10, maxPageSize: 100 };

describe('Strapi pagination of plugin lists', () => {
  it('reads pagination[page] and pagination[pageSize] as qs nests them, with defaults', () => {
    expect(readPagination(undefined, sizes)).toEqual({ page: 1, pageSize: 10 });
    expect(readPagination({ page: '3', pageSize: '25' }, sizes)).toEqual({ page: 3, pageSize: 25 });
    expect(readPagination({ pageSize: '100' }, sizes)).toEqual({ page: 1, pageSize: 100 });
  });

  it('says what is wrong with anything else', () => {
    expect(readPagination('2', sizes)).toMatch(/pagination\[page\]/);
    expect(readPagination({ page: '0' }, sizes)).toMatch(/"pagination\[page\]" must be a whole number from 1/);
    expect(readPagination({ pageSize: '101' }, sizes)).toMatch(/from 1 to 100/);
    expect(readPagination({ pageSize: '1.5' }, sizes)).toMatch(/pageSize/);
    expect(readPagination({ page: ['1', '2'] }, sizes)).toMatch(/page/);
    expect(readPagination({ start: '0', limit: '5' }, sizes)).toBe('Unknown pagination parameter(s): start, limit. Allowed: page, pageSize.');
  });

  it('answers Strapi’s meta.pagination', () => {
    expect(pageMeta({ page: 2, pageSize: 10 }, 21)).toEqual({ page: 2, pageSize: 10, pageCount: 3, total: 21 });
    expect(pageMeta({ page: 1, pageSize: 10 }, 0)).toEqual({ page: 1, pageSize: 10, pageCount: 0, total: 0 });
  });
});
