import { describe, expect, it } from 'vitest';
import { nestsDeeperThan, takesUploads } from './body-parsing';

describe('body parsing rules', () => {
  it('takes files on the media library routes only', () => {
    for (const path of ['/upload', '/upload/actions/bulk-delete', '/api/upload', '/api/upload/files']) expect(takesUploads(path), path).toBe(true);
    for (const path of ['/api/groups', '/uploads/a.png', '/api/uploader', '/admin/upload', '/this/does/not/exist', '/api/group-applications']) {
      expect(takesUploads(path), path).toBe(false);
    }
  });

  it('measures nesting without recursing, however deep', () => {
    expect(nestsDeeperThan({ a: { b: [1, { c: 2 }] } }, 4)).toBe(false);
    expect(nestsDeeperThan({ a: { b: [1, { c: {} }] } }, 4)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(nestsDeeperThan(deep, 32)).toBe(true);
  });
});
