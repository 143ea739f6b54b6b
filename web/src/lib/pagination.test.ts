import { describe, expect, it } from 'vitest';
import { parsePageParam } from './pagination';

describe('parsePageParam', () => {
  it('reads positive whole numbers', () => {
    expect(parsePageParam('1')).toBe(1);
    expect(parsePageParam('7')).toBe(7);
    expect(parsePageParam('007')).toBe(7);
  });

  it.each([null, undefined, '', '0', '-2', '1.5', 'abc', '2abc', ' 2', '1e3', '99999999999'])('turns %j into page 1', (value) => {
    expect(parsePageParam(value)).toBe(1);
  });
});
