import { LOCALE_CODES } from '@chapterhouse/config';
import { describe, expect, it } from 'vitest';
import { match } from './locale';

describe('locale param matcher', () => {
  it.each(LOCALE_CODES)('accepts %s', (code) => {
    expect(match(code)).toBe(true);
  });

  it.each(['pt-br', 'PT-BR', 'zh-hans', 'EN', 'pt', 'zh', 'en-US', 'xx', '', 'groups', 'en/'])('rejects %j', (param) => {
    expect(match(param)).toBe(false);
  });
});
