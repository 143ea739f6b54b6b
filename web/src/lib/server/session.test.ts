import { describe, expect, it } from 'vitest';
import { isSessionToken, localPath } from './session';

describe('localPath', () => {
  it('keeps paths of this site, with their query', () => {
    expect(localPath('/fr/groups/paris-user-group')).toBe('/fr/groups/paris-user-group');
    expect(localPath('/de/events?view=month&group=x')).toBe('/de/events?view=month&group=x');
    expect(localPath('/')).toBe('/');
  });

  it('refuses anything that could lead to another site', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example/path',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
      'evil.example',
      '',
      ' /fr',
      undefined,
      null,
      42,
      ['/fr'],
      `/${'a'.repeat(2001)}`,
    ]) {
      expect(localPath(value), JSON.stringify(value)).toBeUndefined();
    }
  });

  it('gives dot segments back resolved, so the path stays on this site', () => {
    expect(localPath('/fr/../../etc')).toBe('/etc');
    expect(localPath('/./fr')).toBe('/fr');
  });
});

describe('isSessionToken', () => {
  it('takes the CMS tokens and nothing else', () => {
    expect(isSessionToken(`chs_${'A1_-'.repeat(11)}`)).toBe(true);
    for (const value of [undefined, '', 'chs_', 'chs_short', `Bearer chs_${'A'.repeat(43)}`, `chs_${'A'.repeat(40)};x`, `xyz_${'A'.repeat(43)}`]) {
      expect(isSessionToken(value), String(value)).toBe(false);
    }
  });
});
