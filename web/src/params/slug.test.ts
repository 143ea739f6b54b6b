import { describe, expect, it } from 'vitest';
import { match } from './slug';

describe('slug param matcher', () => {
  it.each(['paris-user-group', 'a', '2026-summit', 'x1-y2-z3', 'Paris-User-Group', 'ABC', 'a'.repeat(255)])('accepts %j', (param) => {
    expect(match(param)).toBe(true);
  });

  it.each(['', 'a_b', 'paris-user-group\0', '-a', 'a-', 'a--b', 'a b', 'a.b', '../..', 'ä', 'İstanbul', '__proto__', 'a'.repeat(256)])(
    'rejects %j',
    (param) => {
      expect(match(param)).toBe(false);
    },
  );
});
